using OrderGrid.Planning.Recommendations;
using OrderGrid.Planning.Segments;

namespace OrderGrid.Planning.Serving;

/// <summary>A stored model version, loaded and ready to answer.</summary>
public sealed class ServingModel
{
    private ServingModel(ModelVersionInfo info, DemandModel demand, RecommendationModel? recommendations, CustomerSegmentModel? segments)
    {
        Info = info;
        Demand = demand;
        Recommendations = recommendations;
        Segments = segments;
    }

    public ModelVersionInfo Info { get; }

    public DemandModel Demand { get; }

    public RecommendationModel? Recommendations { get; }

    public CustomerSegmentModel? Segments { get; }

    public static ServingModel Load(StoredModel stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new ServingModel(
            stored.Info,
            Read(stored.Demand, DemandModel.Load),
            stored.Recommendations is { } recommendations ? Read(recommendations, RecommendationModel.Load) : null,
            stored.Segments is { } segments ? Read(segments, CustomerSegmentModel.Load) : null);
    }

    private static T Read<T>(byte[] bytes, Func<Stream, T> load)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return load(stream);
    }
}