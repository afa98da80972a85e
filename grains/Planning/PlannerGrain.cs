using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.Planning.Serving;

namespace OrderGrid.Planning;

/// <summary>
/// Trains planning model versions: on its reminder, on demand, and at the first start when none is stored. One
/// run at a time; the run reads the history and fits the models off the scheduler, then stores the version,
/// serves it on this silo and tells the planners. Holds nothing that is not in the store.
/// </summary>
[GrainType("planner")]
public sealed partial class PlannerGrain(
    IModelStore store,
    ServingModels serving,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    IEnumerable<IPlanningListener> listeners,
    IServiceProvider services,
    ILogger<PlannerGrain> logger) : Grain, IPlannerGrain, IRemindable
{
    private const string Reminder = "retrain";

    private Task? _training;
    private DateTimeOffset? _startedAt;
    private string? _lastError;

    public async Task Start()
    {
        if (!options.Value.Train)
        {
            return;
        }

        // Registered once: re-registering at every start would push the next retraining a whole period away.
        if (await this.GetReminder(Reminder) is null)
        {
            var every = options.Value.RetrainEvery;
            await this.RegisterOrUpdateReminder(Reminder, every, every);
        }

        if (await store.NewestVersion(CancellationToken.None) is null)
        {
            Begin(Actor.System);
        }
    }

    public async Task<TrainingStatus> Retrain(Actor by)
    {
        Begin(by);
        return await Status();
    }

    public async Task<TrainingStatus> Status() =>
        new((await serving.Current(CancellationToken.None))?.Info, _training is { IsCompleted: false }, _startedAt, _lastError);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Reminder && options.Value.Train)
        {
            Begin(Actor.System);
        }

        return Task.CompletedTask;
    }

    private void Begin(Actor by)
    {
        if (_training is { IsCompleted: false })
        {
            return;
        }

        _startedAt = clock.GetUtcNow();
        _training = Train(by);
    }

    private async Task Train(Actor by)
    {
        // A run takes a minute or two on a full history; the grain must outlive it.
        DelayDeactivation(TimeSpan.FromMinutes(30));
        LogTraining(logger, by.Name);
        try
        {
            if (services.GetService<IPlanningData>() is not { } data)
            {
                _lastError = "There is no sales history to learn from: planning needs the PostgreSQL read model.";
                return;
            }

            // Reading the history and fitting both take seconds: off the grain's scheduler, which serves other grains.
            var now = clock.GetUtcNow();
            var trained = await Task.Run(() => PlanningTrainer.Train(data, options.Value, now, CancellationToken.None));
            if (trained is null)
            {
                _lastError = $"Too little sales history to learn from: at least {PlanningTrainer.MinimumDays} days are needed.";
                LogTooLittle(logger);
                return;
            }

            var version = await store.Add(trained, CancellationToken.None);
            var stored = trained with { Info = trained.Info with { Version = version } };
            serving.Serve(await Task.Run(() => ServingModel.Load(stored)));
            _lastError = null;
            LogTrained(logger, version, stored.Info.Skus, stored.Info.Customers, stored.Info.TrainingSeconds);
            foreach (var listener in listeners)
            {
                listener.ModelServing(stored.Info);
            }
        }
        catch (Exception failure)
        {
            // The serving version stays; the next reminder or a planner's request tries again.
            _lastError = $"Training failed: {failure.Message}";
            LogFailed(logger, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planning models: training a new version, started by {By} (a minute or two)…")]
    private static partial void LogTraining(ILogger logger, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planning models: version {Version} serves ({Skus} SKUs, {Customers} customers, trained in {Seconds:F1} s).")]
    private static partial void LogTrained(ILogger logger, long version, int skus, int customers, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning models: too little sales history to train.")]
    private static partial void LogTooLittle(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Planning models: training failed; the serving version stays.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}