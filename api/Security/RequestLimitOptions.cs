using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Api.Security;

/// <summary>How big and how deep a request may be, bound from <c>OrderGrid:RequestLimits</c>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "OrderGrid:RequestLimits";

    /// <summary>The largest request body in bytes; larger answers 413. No endpoint takes uploads: imports read files on the silo.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The deepest JSON nesting a body may have; deeper answers 400.</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 32;
}