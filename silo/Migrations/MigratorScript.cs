using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace OrderGrid.Silo.Migrations;

/// <summary>
/// One schema script: <c>silo/Migrations/NNNN_name.sql</c>, embedded in the silo assembly. Its version is the
/// number before the first '_'; its checksum is the SHA-256 of its text with line endings normalised to LF (so
/// a checkout with CRLF does not look changed).
/// </summary>
public sealed record MigratorScript(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "OrderGrid.Migrations.";

    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts embedded in the silo assembly, sorted by file name (0001_…, 0002_…).</summary>
    public static IReadOnlyList<MigratorScript> Embedded() => FromAssembly(typeof(MigratorScript).Assembly);

    public static IReadOnlyList<MigratorScript> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return Parse(resource[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migration scripts share version {duplicate.Key}: {string.Join(", ", duplicate.Select(script => script.Name))}.");
        }

        return scripts;
    }

    /// <summary>A script from its file name (<c>0001_orleans.sql</c>) and text.</summary>
    public static MigratorScript Parse(string fileName, string sql)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new InvalidOperationException($"Migration script '{fileName}' must be named NNNN_name.sql with NNNN > 0.");
        }

        return new MigratorScript(version, fileName, sql);
    }
}