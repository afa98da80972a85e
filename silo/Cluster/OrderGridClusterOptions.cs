using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OrderGrid.Silo.Cluster;

/// <summary>
/// The silo's place in its cluster: section <c>OrderGrid:Cluster</c>. With PostgreSQL storage the silos of one
/// ClusterId find each other through the membership table (one silo is a cluster of one); in InMemory mode
/// there is localhost clustering and nobody else. Port 0 picks a free port at start, so that several hosts
/// (tests, a second silo on one machine) can run side by side; Orleans itself refuses port 0. The subsection
/// <c>OrderGrid:Cluster:Membership</c> binds Orleans' <c>ClusterMembershipOptions</c> (e.g. <c>ProbeTimeout</c>,
/// <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>) to notice a dead node sooner.
/// </summary>
public sealed class OrderGridClusterOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Cluster";

    /// <summary>Orleans' own membership settings (<c>ClusterMembershipOptions</c>), bound as they are named there.</summary>
    public const string MembershipSection = Section + ":Membership";

    /// <summary>The cluster the silo joins; silos with the same ClusterId and database form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "ordergrid";

    /// <summary>The service the stored grain state and reminders belong to: keep it across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "ordergrid";

    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on (written to the membership table).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"must differ from SiloPort ({SiloPort}).", [nameof(GatewayPort)]);
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"'{AdvertisedAddress}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }
    }
}