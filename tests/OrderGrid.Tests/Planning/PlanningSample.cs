using System.Runtime.CompilerServices;

using OrderGrid.Planning;
using OrderGrid.Silo.Import;
using OrderGrid.Silo.Planning;

namespace OrderGrid.Tests.Planning;

/// <summary>The committed sample of the Online Retail history (Data/README.md), read once per test run.</summary>
public static class PlanningSample
{
    public static string Path { get; } = Locate();

    public static IReadOnlyList<ProductSale> Sales => Read.Value;

    private static Lazy<IReadOnlyList<ProductSale>> Read { get; } = new(() =>
    {
        using var reader = ImportFiles.OpenText(Path, out _);
        return PlanningSales.Read(reader).Sales;
    });

    // The sample stays in the source tree: its folder is found from this file's path at compile time.
    private static string Locate([CallerFilePath] string source = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "Data", "sample.csv.gz");
}