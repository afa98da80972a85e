using System.Net;

using Microsoft.Extensions.Options;

using Npgsql;

using Orleans.Configuration;

namespace OrderGrid.Silo.Cluster;

internal static class OrleansClusterWiring
{
    /// <summary>The Npgsql ADO.NET invariant the Orleans AdoNet providers need (their default is SQL Server's).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Cluster and service ids, endpoints, and membership: the PostgreSQL membership table when
    /// <paramref name="postgres"/> (one silo is a cluster of one; more join through the table), localhost
    /// clustering otherwise. Values are read when the silo starts, so settings a test host adds late still apply.
    /// </summary>
    public static ISiloBuilder UseOrderGridClustering(this ISiloBuilder silo, bool postgres)
    {
        if (postgres)
        {
            silo.UseAdoNetClustering(options => options.Configure<NpgsqlDataSource>((clustering, dataSource) =>
            {
                clustering.Invariant = NpgsqlInvariant;
                clustering.DataSource = dataSource;
            }));
        }
        else
        {
            silo.UseLocalhostClustering();

            // UseLocalhostClustering names 11111 the primary silo; this silo is the primary, whatever its port.
            silo.Services.AddOptions<DevelopmentClusterMembershipOptions>().Configure<IOptions<OrderGridClusterOptions>>((membership, cluster) =>
                membership.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, cluster.Value.SiloPort));
        }

        // After UseLocalhostClustering's own ("dev", loopback, 11111/30000), so these win.
        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<OrderGridClusterOptions>>((options, cluster) =>
        {
            options.ClusterId = cluster.Value.ClusterId;
            options.ServiceId = cluster.Value.ServiceId;
        });
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<OrderGridClusterOptions>>((endpoints, cluster) =>
        {
            endpoints.AdvertisedIPAddress = IPAddress.Parse(cluster.Value.AdvertisedAddress);
            endpoints.SiloPort = cluster.Value.SiloPort;
            endpoints.GatewayPort = cluster.Value.GatewayPort;
        });

        // How fast a node that stopped answering is declared dead (ProbeTimeout, NumMissedProbesLimit, …): Orleans' defaults unless set.
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(OrderGridClusterOptions.MembershipSection);
        return silo;
    }
}