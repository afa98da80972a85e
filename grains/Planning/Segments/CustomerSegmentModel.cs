using System.Text.Json;

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OrderGrid.Planning.Segments;

/// <summary>
/// Customer segments from RFM: each customer's recency (days since the last purchase), frequency (baskets) and
/// monetary value (spend) are log-scaled, because all three are heavily skewed (a few wholesalers buy hundreds of
/// times more than most), then standardised so that each weighs the same, and clustered by ML.NET k-means with one
/// cluster per segment name. Clusters are named by their centroids (<see cref="SegmentNaming"/>).
/// </summary>
public sealed class CustomerSegmentModel
{
    private const int FileFormat = 1;

    private readonly Dictionary<string, string> segmentOf;
    private readonly Lazy<Dictionary<string, string[]>> membersOf;

    private CustomerSegmentModel(DateOnly asOf, Dictionary<string, string> segmentOf, IReadOnlyList<SegmentSummary> overview)
    {
        AsOf = asOf;
        this.segmentOf = segmentOf;
        Overview = overview;
        membersOf = new(() => segmentOf.GroupBy(c => c.Value, c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The day recency is counted to.</summary>
    public DateOnly AsOf { get; }

    public int Customers => segmentOf.Count;

    /// <summary>One summary per name of <see cref="SegmentNames.All"/>, in that order; a segment may have no customers.</summary>
    public IReadOnlyList<SegmentSummary> Overview { get; }

    /// <summary>The names of <see cref="Overview"/>: the whole vocabulary, whether or not a segment has customers.</summary>
    public IReadOnlyList<string> Names => [.. Overview.Select(s => s.Name)];

    public static CustomerSegmentModel Train(IReadOnlyList<Purchase> history, DateOnly asOf, SegmentOptions? options = null)
    {
        options ??= SegmentOptions.Default;
        var customers = CustomerRfm.Of(history, asOf);
        var features = Standardise(customers);
        var clusters = Cluster(features, options);
        var centroids = clusters.Distinct().Order().ToArray();
        var names = SegmentNaming.Name([.. centroids.Select(cluster => Centroid(features, clusters, cluster))]);
        var nameOf = centroids.Zip(names).ToDictionary(pair => pair.First, pair => pair.Second);

        var segmentOf = new Dictionary<string, string>(customers.Count, StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++)
        {
            segmentOf[customers[i].CustomerId] = nameOf[clusters[i]];
        }

        return new CustomerSegmentModel(asOf, segmentOf, Summarise(customers, segmentOf));
    }

    /// <summary>The customer's segment, null for a customer who had not bought by <see cref="AsOf"/>.</summary>
    public string? SegmentOf(string customerId) => segmentOf.GetValueOrDefault(customerId);

    /// <summary>
    /// Up to <paramref name="take"/> customers of the segment by id, those after <paramref name="after"/> (from the
    /// first when null): a caller pages through a large segment holding one page at a time.
    /// </summary>
    public IReadOnlyList<string> MembersOf(string segment, string? after, int take)
    {
        var members = membersOf.Value.GetValueOrDefault(segment, []);
        var found = after is null ? -1 : Array.BinarySearch(members, after, StringComparer.Ordinal);
        var start = found >= 0 ? found + 1 : ~found;
        return members[start..Math.Min(members.Length, start + take)];
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var members = segmentOf.GroupBy(c => c.Value, c => c.Key).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        var file = new SegmentFile(FileFormat, AsOf, [.. Overview.Select(s => new SegmentFileEntry(s, members.GetValueOrDefault(s.Name, [])))]);
        JsonSerializer.Serialize(stream, file);
    }

    /// <exception cref="InvalidDataException">The stream does not hold a segment model this version can read.</exception>
    public static CustomerSegmentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SegmentFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SegmentFile>(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("Not a customer segment model: the stream is not its JSON.", e);
        }

        if (file is not { Format: FileFormat, Segments: not null } || file.Segments.Any(s => s.Summary is null || s.Members is null))
        {
            throw new InvalidDataException("Not a customer segment model in a format this version reads.");
        }

        if (!file.Segments.Select(s => s.Summary.Name).SequenceEqual(SegmentNames.All))
        {
            throw new InvalidDataException($"The segments must be {string.Join(", ", SegmentNames.All)}, in that order.");
        }

        var segmentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in file.Segments)
        {
            foreach (var customer in segment.Members)
            {
                if (!segmentOf.TryAdd(customer, segment.Summary.Name))
                {
                    throw new InvalidDataException($"Customer '{customer}' is in more than one segment.");
                }
            }
        }

        return new CustomerSegmentModel(file.AsOf, segmentOf, [.. file.Segments.Select(s => s.Summary)]);
    }

    private static float[][] Standardise(IReadOnlyList<CustomerRfm> customers)
    {
        // Freshness (minus the log recency) rather than recency: on every axis, more is better.
        var raw = customers.Select(c => new[] { -Math.Log(1 + c.RecencyDays), Math.Log(1 + c.Orders), Math.Log(1 + (double)c.Spend) }).ToArray();
        var scaled = customers.Select(_ => new float[3]).ToArray();
        for (var feature = 0; feature < 3 && raw.Length > 0; feature++)
        {
            var mean = raw.Average(r => r[feature]);
            var deviation = Math.Sqrt(raw.Average(r => (r[feature] - mean) * (r[feature] - mean)));

            // One customer, or all alike: nothing to standardise, every customer sits at the mean.
            var scale = deviation > 1e-9 ? deviation : 1;
            for (var i = 0; i < raw.Length; i++)
            {
                scaled[i][feature] = (float)((raw[i][feature] - mean) / scale);
            }
        }

        return scaled;
    }

    /// <summary>The k-means cluster (from 1) of each customer; at most one cluster per segment name, none for no customers.</summary>
    private static uint[] Cluster(float[][] features, SegmentOptions options)
    {
        if (features.Length == 0)
        {
            return [];
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(features.Select(f => new CustomerFeatures { Features = f }));
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(CustomerFeatures.Features),
            NumberOfClusters = Math.Min(SegmentNames.All.Count, features.Length),
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = options.MaxIterations,
            NumberOfThreads = 1,
        });
        return [.. trainer.Fit(data).Transform(data).GetColumn<uint>("PredictedLabel")];
    }

    private static double[] Centroid(float[][] features, uint[] clusters, uint cluster)
    {
        var members = features.Where((_, i) => clusters[i] == cluster).ToArray();
        return [.. Enumerable.Range(0, 3).Select(feature => members.Average(m => (double)m[feature]))];
    }

    private static SegmentSummary[] Summarise(IReadOnlyList<CustomerRfm> customers, Dictionary<string, string> segmentOf)
    {
        var revenue = customers.Sum(c => c.Spend);
        var bySegment = customers.ToLookup(c => segmentOf[c.CustomerId], StringComparer.Ordinal);
        return [.. SegmentNames.All.Select(name =>
        {
            var members = bySegment[name].ToArray();
            return members.Length == 0
                ? new SegmentSummary(name, SegmentNames.Describe(name), 0, 0, 0, 0m, 0)
                : new SegmentSummary(
                    name,
                    SegmentNames.Describe(name),
                    members.Length,
                    members.Average(m => m.RecencyDays),
                    members.Average(m => m.Orders),
                    Math.Round(members.Sum(m => m.Spend) / members.Length, 2),
                    revenue > 0 ? (double)(members.Sum(m => m.Spend) / revenue) : 0);
        })];
    }

    private sealed class CustomerFeatures
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }

    private sealed record SegmentFile(int Format, DateOnly AsOf, SegmentFileEntry[] Segments);

    private sealed record SegmentFileEntry(SegmentSummary Summary, string[] Members);
}