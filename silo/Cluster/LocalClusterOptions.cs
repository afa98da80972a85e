using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Silo.Cluster;

/// <summary>
/// Localhost clustering ports: section <c>OrderGrid:Cluster</c>. 0 picks a free port at start,
/// so that several hosts (e.g. tests) can run side by side; Orleans itself refuses silo port 0.
/// </summary>
public sealed class LocalClusterOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Cluster";

    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"must differ from SiloPort ({SiloPort}).", [nameof(GatewayPort)]);
        }
    }
}