using OrderGrid.Bench;

return args.FirstOrDefault() switch
{
    "listquery" => await ListQueryBench.Run(BenchArguments.Parse(args[1..])),
    "orders" => await OrderPlacementBench.Run(BenchArguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/OrderGrid.Bench -- <scenario> [options]
          listquery --connection "<npgsql connection string>" [--orders 1000000] [--runs 100]
              fills the read model with synthetic orders (once) and times the order-list queries of GET /api/orders
          orders --url http://127.0.0.1:5080 [--clients 32] [--seconds 20]
              places 3-line web orders over catalog SKUs through HTTP
        The last line of the output is one JSON object with the figures.
        """);
    return 2;
}