using Spectre.Console;

namespace OrderGrid.Tests.Import;

/// <summary>A plain-text, non-interactive console whose output a test can read.</summary>
public sealed class RecordingConsole : IDisposable
{
    private readonly StringWriter writer = new();

    public RecordingConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 240;
    }

    public IAnsiConsole Console { get; }

    public string Output => writer.ToString();

    public void Dispose() => writer.Dispose();
}