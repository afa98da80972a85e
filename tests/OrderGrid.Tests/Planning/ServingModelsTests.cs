using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Models)]
public sealed class ServingModelsTests
{
    [Fact]
    public async Task A_caller_that_comes_while_the_stored_version_loads_waits_for_it_instead_of_hearing_there_is_none()
    {
        var store = new GatedStore(Stored());
        using var serving = new ServingModels(store, Options.Create(new PlanningOptions()), TimeProvider.System, NullLogger<ServingModels>.Instance);

        var first = serving.Current(CancellationToken.None);
        await store.Loading.WaitAsync(TimeSpan.FromSeconds(30));
        var second = serving.Current(CancellationToken.None);
        store.Open();

        Assert.Equal(1, (await first)?.Info.Version);
        Assert.Equal(1, (await second)?.Info.Version);
    }

    [Fact]
    public async Task With_no_version_stored_callers_hear_none_without_waiting_on_each_other()
    {
        using var serving = new ServingModels(new MemoryModelStore(), Options.Create(new PlanningOptions()), TimeProvider.System, NullLogger<ServingModels>.Instance);

        Assert.Null(await serving.Current(CancellationToken.None));
        Assert.Null(await serving.Current(CancellationToken.None));
    }

    /// <summary>A small demand model trained on three SKUs of the sample history, stored as version 1.</summary>
    private static StoredModel Stored()
    {
        var skus = PlanningSample.Sales.GroupBy(s => s.Sku).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToHashSet();
        var from = new DateOnly(2011, 3, 1);
        var until = new DateOnly(2011, 8, 1);
        var history = DemandHistory.Build(PlanningSample.Sales.Where(s => skus.Contains(s.Sku) && s.Day >= from && s.Day < until), from, until);
        var demand = DemandModel.Train(history);
        using var bytes = new MemoryStream();
        demand.Save(bytes);
        var evaluation = new ModelEvaluation(null, 0, null, null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null, null);
        return new StoredModel(new ModelVersionInfo(1, DateTimeOffset.UtcNow, from, until, 3, 0, 1, evaluation), bytes.ToArray(), null, null);
    }

    /// <summary>Holds version 1 back until <see cref="Open"/>: the first load in progress, as on a silo's first request.</summary>
    private sealed class GatedStore(StoredModel model) : IModelStore
    {
        private readonly TaskCompletionSource _loading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Loading => _loading.Task;

        public void Open() => _open.TrySetResult();

        public Task<long> Add(StoredModel stored, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long?> NewestVersion(CancellationToken cancellationToken) => Task.FromResult<long?>(1);

        public async Task<StoredModel?> Load(long version, CancellationToken cancellationToken)
        {
            _loading.TrySetResult();
            await _open.Task;
            return model;
        }
    }
}