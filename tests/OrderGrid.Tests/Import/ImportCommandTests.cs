using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Silo.Import;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Import;

/// <summary><c>import catalog</c> and <c>import stock</c> through the command, in the real host on PostgreSQL storage.</summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class ImportCommandTests(ImportHost host) : IClassFixture<ImportHost>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("og-import-");
    private readonly RecordingConsole console = new();

    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public void Dispose()
    {
        console.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Importing_a_catalog_twice_defines_the_products_once_then_changes_nothing()
    {
        var (a, b) = (Unique("imp"), Unique("imp"));
        var path = Write("catalog.csv", "sku,name,unitPrice", $"{a},\"Lantern, white metal\",3.39", $"{b},Cake stand,12.75");

        var first = await Run("catalog", path);
        var second = await Run("catalog", path);

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(new Product(a, "Lantern, white metal", 3.39m), await Grains.GetGrain<IProductGrain>(a).Get());
        Assert.Matches(@"defined \(new\)\s+│\s+2\b", console.Output);
        Assert.Matches(@"unchanged\s+│\s+2\b", console.Output);
    }

    [Fact]
    public async Task A_catalog_with_a_bad_row_defines_nothing_and_names_the_line()
    {
        var (good, alsoGood) = (Unique("imp"), Unique("imp"));
        var path = Write("catalog.csv", "sku,name,unitPrice", $"{good},Good,1.00", $"{alsoGood},Free,0");

        Assert.Equal(1, await Run("catalog", path));

        Assert.Null(await Grains.GetGrain<IProductGrain>(good).Get());
        Assert.Matches(@"\b3\b.*above 0", console.Output);
    }

    [Fact]
    public async Task Importing_the_same_stock_file_twice_receives_once()
    {
        var sku = Unique("imp");
        await Grains.GetGrain<IProductGrain>(sku).Define("Lantern", 3.39m);
        var path = Write("stock.csv", "warehouseId,sku,quantity,reason", $"uk-north,{sku},5,PO 17", $"uk-north,{sku},7,", $"uk-south,{sku},2,PO 18");

        Assert.Equal(0, await Run("stock", path));
        Assert.Equal(0, await Run("stock", path));

        Assert.Equal(12, (await Grains.GetGrain<ISkuStockGrain>(StockKey.For("uk-north", sku)).GetLevel()).OnHand);
        Assert.Equal(2, (await Grains.GetGrain<ISkuStockGrain>(StockKey.For("uk-south", sku)).GetLevel()).OnHand);
        Assert.Matches(@"already applied \(earlier run\)\s+│\s+3\b", console.Output);
    }

    [Fact]
    public async Task Stock_for_an_unknown_warehouse_or_product_imports_nothing()
    {
        var known = Unique("imp");
        await Grains.GetGrain<IProductGrain>(known).Define("Lantern", 3.39m);
        var path = Write("stock.csv", "warehouseId,sku,quantity", $"uk-north,{known},5", $"mars-1,{known},5", $"uk-north,{Unique("nope")},5");

        Assert.Equal(1, await Run("stock", path));

        Assert.Equal(0, (await Grains.GetGrain<ISkuStockGrain>(StockKey.For("uk-north", known)).GetLevel()).OnHand);
        Assert.Matches(@"\b3\b.*Warehouse 'mars-1' is unknown", console.Output);
        Assert.Matches(@"\b4\b.*is not in the catalog", console.Output);
    }

    [Fact]
    public async Task An_unknown_kind_answers_the_usage() =>
        Assert.Equal(2, await ImportCommand.RunAsync(host.Services, ["orders", "x.csv"], console.Console, CancellationToken.None));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private Task<int> Run(string kind, string path) => ImportCommand.RunAsync(host.Services, [kind, path], console.Console, CancellationToken.None);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}