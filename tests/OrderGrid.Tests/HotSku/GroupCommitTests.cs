using OrderGrid.Stock;

namespace OrderGrid.Tests.HotSku;

/// <summary>
/// The group commit of the stock grain, driven step by step through a store whose writes complete when the test
/// says: changes made while a write runs share the next write, and nobody hears "done" before a write holds them.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Changes_made_while_a_write_runs_are_stored_together_by_the_next_write()
    {
        var store = new SteppedStore<string>("v0");
        var commit = new GroupCommit<string>(store, () => { });

        store.State = "v1";
        var first = commit.Durable();
        store.State = "v2";
        var second = commit.Durable();
        store.State = "v3";
        var third = commit.Durable();

        Assert.Equal(["v1"], store.Started);
        Assert.False(first.IsCompleted);

        store.Complete();
        await first;
        Assert.False(second.IsCompleted);
        Assert.Equal(["v1", "v3"], store.Started);

        store.Complete();
        await Task.WhenAll(second, third);
        Assert.Equal(2, store.Started.Count);
        Assert.True(commit.Durable().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Nothing_changed_needs_no_write_but_waits_for_the_write_of_what_it_saw()
    {
        var store = new SteppedStore<string>("v0");
        var commit = new GroupCommit<string>(store, () => { });
        Assert.True(commit.Durable().IsCompletedSuccessfully);

        store.State = "v1";
        var change = commit.Durable();
        var read = commit.Durable();
        Assert.False(read.IsCompleted);

        store.Complete();
        await Task.WhenAll(change, read);
        Assert.Equal(["v1"], store.Started);
    }

    [Fact]
    public async Task A_failed_write_fails_its_batch_and_the_changes_made_on_top_puts_back_the_stored_state_and_reloads()
    {
        var store = new SteppedStore<string>("v0");
        var reloads = 0;
        var commit = new GroupCommit<string>(store, () => reloads++);

        store.State = "v1";
        var first = commit.Durable();
        store.State = "v2";
        var onTop = commit.Durable();

        store.Fail(new TimeoutException("the database went away"));

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await Assert.ThrowsAsync<TimeoutException>(() => onTop);
        Assert.Equal("v0", store.State);
        Assert.Equal(1, reloads);
        Assert.Equal(["v1"], store.Started);
    }

    /// <summary>A grain state whose writes wait for the test; it records the state each write started with.</summary>
    private sealed class SteppedStore<T>(T initial) : IPersistentState<T>
    {
        private TaskCompletionSource? pending;

        public T State { get; set; } = initial;

        public List<T> Started { get; } = [];

        public string? Etag => null;

        public bool RecordExists => true;

        public Task WriteStateAsync()
        {
            Started.Add(State);
            pending = new TaskCompletionSource();
            return pending.Task;
        }

        public void Complete() => pending!.SetResult();

        public void Fail(Exception failure) => pending!.SetException(failure);

        public Task ClearStateAsync() => throw new NotSupportedException();

        public Task ReadStateAsync() => throw new NotSupportedException();
    }
}