using OrderGrid.Common;

namespace OrderGrid.Planning;

/// <summary>
/// The planning models' owner (key <c>default</c>): trains a new model version on its reminder and on demand, stores
/// it with its training window and evaluation, and tells the planners when a new version serves.
/// </summary>
public interface IPlannerGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the retraining reminder runs, and trains at once when no model version exists yet.</summary>
    Task Start();

    /// <summary>Starts a training run unless one is running; answers at once with what runs now.</summary>
    Task<TrainingStatus> Retrain(Actor by);

    [ReadOnly]
    Task<TrainingStatus> Status();
}