using System.Globalization;

using OrderGrid.Common;
using OrderGrid.Telemetry;

using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>
/// OrderGrid's Orleans grain storage on PostgreSQL (one instance per provider name, all sharing one
/// <see cref="GrainStateReader"/>, one <see cref="GrainStateWriter"/> and one <see cref="IGrainStateStore"/>). A row is keyed by service, state name and
/// grain key, as the AdoNet provider's rows were; the payload is written with the silo's
/// <see cref="IGrainStorageSerializer"/> (the Orleans binary serializer, as before); the ETag is the row's version.
/// <list type="bullet">
/// <item>Read: queued on the reader and sent with the other grains' reads that are waiting, in one round trip (a
/// primary-key lookup per key, on a connection that is not reset). Orleans reads every
/// activation's state before the grain runs and gives a provider no way to know a key is new; where this process
/// minted the key itself it says so in <see cref="FreshGrainKeys"/>, and the first read of such a state answers
/// "no state" (no ETag) without asking the database. Should that hint ever be wrong, the grain's first write (with no
/// ETag: an insert that does nothing when the row exists) is refused as a version conflict, so nothing stored is
/// overwritten and the grain reads the row when it activates again.</item>
/// <item>Write and clear: queued on the writer and committed with the other grains' changes that are waiting; the
/// call completes when that transaction has committed. A clear keeps the row with no payload and a new version. Either
/// drops a hint of the state that no read consumed. A state that has a wake-up time (<see cref="IHasDueTime"/>) has it
/// written by the same statement (<c>due_at</c>), with the grain's type, for the due-work scanner; a clear removes it.</item>
/// </list>
/// </summary>
public sealed class PostgresGrainStorage(
    string name,
    string serviceId,
    GrainStateReader reader,
    GrainStateWriter writer,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    FreshGrainKeys? freshKeys = null)
    : IGrainStorage
{
    private static readonly KeyValuePair<string, object?> Store = new("store", "grain-state");
    private static readonly KeyValuePair<string, object?> Found = new("found", true);
    private static readonly KeyValuePair<string, object?> NotFound = new("found", false);

    private readonly FreshGrainKeys? fresh = Followed(freshKeys);

    public string Name { get; } = name;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        if (fresh is not null && fresh.TryConsume(key.StateName, key.GrainKey))
        {
            grainState.ETag = null;
            grainState.State = activators.GetActivator<T>().Create();
            grainState.RecordExists = false;
            OrderGridTelemetry.StorageReadsSkipped.Add(1, Store);
            return;
        }

        var stored = await reader.ReadAsync(key);
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        if (stored?.Payload is { } payload)
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.RecordExists = false;
        }

        OrderGridTelemetry.StorageReads.Add(1, Store, grainState.RecordExists ? Found : NotFound);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var key = Key(stateName, grainId);
        fresh?.Forget(key.StateName, key.GrainKey);
        var due = (grainState.State as IHasDueTime)?.DueAt;
        var version = await writer.WriteAsync(new GrainStateChange(key, payload, ExpectedVersion(grainState.ETag), due, grainId.Type.ToString()));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        fresh?.Forget(key.StateName, key.GrainKey);
        var version = await writer.WriteAsync(new GrainStateChange(key, null, ExpectedVersion(grainState.ETag), null, grainId.Type.ToString()));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.State = activators.GetActivator<T>().Create();
        grainState.RecordExists = false;
    }

    private static FreshGrainKeys? Followed(FreshGrainKeys? fresh)
    {
        fresh?.Follow();
        return fresh;
    }

    private GrainStateKey Key(string stateName, GrainId grainId) => new(serviceId, stateName, grainId.Key.ToString());

    private static int? ExpectedVersion(string? etag) =>
        etag is null ? null
        : int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"'{etag}' is not an ETag of this storage (a version number).", etag, "unknown");
}