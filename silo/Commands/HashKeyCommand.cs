using OrderGrid.Api.Auth;

namespace OrderGrid.Silo.Commands;

/// <summary>
/// <c>hash-key KEY</c>: prints the key's SHA-256, to configure as <c>OrderGrid:Auth:ApiKeys:N:KeySha256</c> so that the
/// settings never hold the key itself. Refuses keys the silo would refuse in plaintext.
/// </summary>
public static class HashKeyCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count != 1)
        {
            error.WriteLine($"hash-key takes exactly one argument, the key.{Environment.NewLine}{SiloCommand.Usage}");
            return 2;
        }

        var key = args[0];
        if (key.Length < StaffAuthOptionsValidator.MinimumKeyLength || key.Any(char.IsWhiteSpace))
        {
            error.WriteLine($"A staff key must be at least {StaffAuthOptionsValidator.MinimumKeyLength} characters, without spaces.");
            return 2;
        }

        output.WriteLine(StaffKeyring.HashOf(key));
        return 0;
    }
}