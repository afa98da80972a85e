using OrderGrid.Bench;

try
{
    return args.FirstOrDefault() switch
    {
        "listquery" => await ListQueryBench.Run(BenchArguments.Parse(args[1..])),
        "orders" => await OrderPlacementBench.Run(BenchArguments.Parse(args[1..])),
        "live" => await LivePushBench.Run(BenchArguments.Parse(args[1..])),
        _ => Usage(),
    };
}
catch (Exception mistake) when (mistake is ArgumentException or FormatException)
{
    Console.Error.WriteLine(mistake.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/OrderGrid.Bench -- <scenario> [options]
          listquery --connection "<npgsql connection string>" [--orders 1000000] [--runs 100]
              fills the read model with synthetic orders (once) and times the order-list queries of GET /api/orders
          orders --url http://127.0.0.1:5080 [--clients 32] [--seconds 20]
              places 3-line web orders over catalog SKUs through HTTP
          live --url http://127.0.0.1:5080 [--clients 1000] [--orders <clients>] [--rate 500] [--seconds 20]
               [--transport websockets|sse|longpolling] [--senders 64] [--setup-concurrency 32] [--grace 10] [--key <ops key>]
              ships --orders orders through the API, connects --clients tracking clients to /hubs/orders (client k
              follows order k mod orders), posts carrier events at --rate per second: push latency from the API
              call to receipt, p50/p99, and deliveries lost
        The last line of the output is one JSON object with the figures.
        """);
    return 2;
}