using OrderGrid.Bench;

try
{
    return args.FirstOrDefault() switch
    {
        "listquery" => await ListQueryBench.Run(BenchArguments.Parse(args[1..])),
        "orders" => await OrderPlacementBench.Run(BenchArguments.Parse(args[1..])),
        "live" => await LivePushBench.Run(BenchArguments.Parse(args[1..])),
        "hotsku" => await HotSkuBench.Run(BenchArguments.Parse(args[1..])),
        "baseline" => await BaselineBench.Run(BenchArguments.Parse(args[1..])),
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
        Without --url a scenario starts its own server: --storage postgres (default: a PostgreSQL in a fresh temporary
        folder, default durability) or memory (OrderGrid's InMemory storage, no database); --server process (default:
        OrderGrid as a child process, its CPU counted apart) or inline (in this process; hotsku and baseline always).
        With --url it targets a running silo (--connection "<npgsql>" names its database for pgbench and the counters).
          orders [--server process|inline] [--storage postgres|memory] [--url …] [--connection …] [--clients 32] [--seconds 20] [--skus 10000] [--warmup-seconds 10] [--baseline-seconds 15 (0: none)] [--idempotency-keys yes|no]
              places 3-line web orders through HTTP (own silo: over 10,000 SKUs in 3 warehouses), checks conservation,
              then pgbench TPC-B at the same client count; transactions, storage operations and CPU (server,
              PostgreSQL, bench) per order
          hotsku [--clients 500] [--attempts 50000] [--units 10000] [--baseline-seconds 15]
              single-unit reservation attempts on one SKU's stock grain in its own silo, then pgbench's single-row
              decrement at the same client count
          baseline [--url … --connection …] [--clients 32] [--seconds 15]
              pgbench TPC-B and single-row decrement tps
          live [--server …] [--storage …] [--url …] [--clients 1000] [--orders <clients>] [--rate 500] [--seconds 20]
               [--warmup-seconds 10] [--transport websockets|sse|longpolling] [--senders 64] [--setup-concurrency 32] [--grace 10] [--key <ops key>]
              ships --orders orders through the API, connects --clients tracking clients to /hubs/orders (client k
              follows order k mod orders), posts carrier events at --rate per second: push latency from the API
              call to receipt and from the API's answer to receipt, p50/p99, and deliveries lost
        The last line of the output is one JSON object with the figures.
        """);
    return 2;
}