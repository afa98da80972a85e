namespace OrderGrid.Planning;

/// <summary>
/// Hears, on the silo that trained it, that a new model version serves (the live push to planners). Called on the
/// planner grain's turn: it must return at once and never throw.
/// </summary>
public interface IPlanningListener
{
    void ModelServing(ModelVersionInfo version);
}