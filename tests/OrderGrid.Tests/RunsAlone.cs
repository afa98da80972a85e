namespace OrderGrid.Tests;

/// <summary>
/// Tests that load the machine on purpose (fuzzing, fault injection, crowds on one SKU) run in this collection, after
/// the others and one at a time, so that their load does not starve the in-process test clusters running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone: load and faults";
}