using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// Recommends products to customers. Candidates come from the customer's own products, the products bought in the
/// same baskets as theirs and the popular products; two FastTree classifiers rank them, one for every candidate
/// (usual) and one for the products the customer never bought (discover). Each learns from windows inside the
/// history: the candidates and features as of a day, labelled by what the customer bought in the following
/// <see cref="RecommendationOptions.LabelDays"/> days. "Now" is the day after the last purchase.
/// </summary>
public sealed class RecommendationModel
{
    private const string Format = "OrderGrid.Recommendations/1";

    private readonly MLContext ml;
    private readonly List<BoughtBasket> baskets;
    private readonly ShoppingHistory history;
    private readonly RecommendationOptions options;
    private readonly Ranker usual;
    private readonly Ranker discover;

    private RecommendationModel(MLContext ml, List<BoughtBasket> baskets, ShoppingHistory history, RecommendationOptions options, Ranker usual, Ranker discover)
    {
        this.ml = ml;
        this.baskets = baskets;
        this.history = history;
        this.options = options;
        this.usual = usual;
        this.discover = discover;
    }

    /// <summary>Customers in the history.</summary>
    public int Customers => history.CustomerCount;

    /// <summary>Products in the history.</summary>
    public int Products => history.Products.Length;

    /// <summary>The day after the last purchase.</summary>
    public DateOnly Now => history.Now;

    public static RecommendationModel Train(IReadOnlyList<Purchase> history, RecommendationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= RecommendationOptions.Default;
        var baskets = BoughtBasket.Of(history);
        var now = baskets.Count == 0 ? DateOnly.FromDayNumber(0) : baskets.Max(b => b.Day).AddDays(1);
        var ml = new MLContext(options.Seed);
        var usualRows = new List<CandidateRow>();
        var discoverRows = new List<CandidateRow>();
        for (var window = 1; window <= options.TrainingWindows; window++)
        {
            var split = now.AddDays(-window * options.LabelDays);
            var before = ShoppingHistory.Build(baskets, split, options);
            var later = baskets
                .Where(b => b.Day >= split && b.Day < split.AddDays(options.LabelDays))
                .GroupBy(b => b.CustomerId)
                .Select(b => (Customer: before.Customer(b.Key), Bought: b.SelectMany(x => x.Skus).Select(before.Product).OfType<int>().ToHashSet()))
                .Where(b => b.Customer is not null);
            foreach (var (customer, bought) in later)
            {
                Label(usualRows, CandidateFeatures.For(before, customer!, false, options, _ => true), bought);
                if (bought.Any(product => !customer!.Items.ContainsKey(product)))
                {
                    Label(discoverRows, CandidateFeatures.For(before, customer!, true, options, _ => true), bought);
                }
            }
        }

        return new RecommendationModel(
            ml,
            baskets,
            ShoppingHistory.Build(baskets, now, options),
            options,
            Ranker.Fit(ml, usualRows, options),
            Ranker.Fit(ml, discoverRows, options));
    }

    /// <summary>
    /// The <paramref name="k"/> products the customer is most likely to buy (<see cref="RecommendationMode.Usual"/>)
    /// or, in <see cref="RecommendationMode.Discover"/>, only products they never bought; a customer without history
    /// gets the popular products. Products <paramref name="offerable"/> refuses are never offered.
    /// </summary>
    public IReadOnlyList<ProductRecommendation> ForCustomer(string customerId, int k, RecommendationMode mode, Func<string, bool> offerable)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(offerable);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var customer = history.Customer(customerId) ?? CustomerProfile.Empty;
        var finding = mode == RecommendationMode.Discover;
        return Rank(finding ? discover : usual, CandidateFeatures.For(history, customer, finding, options, p => offerable(history.Products[p]), k), k);
    }

    /// <summary>
    /// The products bought together with <paramref name="sku"/>: those in the largest share of its baskets, among
    /// the ones seen with it in at least <see cref="RecommendationOptions.MinTogether"/> baskets and more often than
    /// chance (lift above 1). Score = that share. An unknown SKU has none.
    /// </summary>
    public IReadOnlyList<ProductRecommendation> BoughtTogether(string sku, int k, Func<string, bool> offerable)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentNullException.ThrowIfNull(offerable);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return history.Product(sku) is { } product
            ? [.. history.Neighbours[product]
                .Where(n => n.Lift > 1 && offerable(history.Products[n.Product]))
                .Take(k)
                .Select(n => new ProductRecommendation(history.Products[n.Product], n.Confidence, $"often bought with {sku}"))]
            : [];
    }

    /// <summary>
    /// The <paramref name="k"/> products to add to a basket (a cart or an order), for its customer when known: the
    /// basket counts as one more basket of theirs bought now, and its own products are not offered.
    /// </summary>
    public IReadOnlyList<ProductRecommendation> ForBasket(string? customerId, IReadOnlyCollection<string> skus, int k, Func<string, bool> offerable)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(offerable);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var inBasket = skus.Select(history.Product).OfType<int>().ToHashSet();
        var customer = history.WithBasket(customerId is null ? null : history.Customer(customerId), inBasket);
        var candidates = CandidateFeatures.For(history, customer, false, options, p => !inBasket.Contains(p) && offerable(history.Products[p]), k);
        return Rank(usual, candidates, k);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        var o = options;
        foreach (var number in (int[])[o.Trees, o.Leaves, o.MinRowsPerLeaf, o.Seed, o.LabelDays, o.TrainingWindows, o.RecentDays, o.Neighbours, o.MinTogether, o.OwnCandidates, o.CoPurchaseCandidates, o.PopularCandidates])
        {
            writer.Write(number);
        }

        writer.Write(o.LearningRate);
        writer.Write(history.Now.DayNumber);
        var products = baskets.SelectMany(b => b.Skus).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var customers = baskets.Select(b => b.CustomerId).Distinct(StringComparer.Ordinal).ToArray();
        WriteStrings(writer, products);
        WriteStrings(writer, customers);
        var productIndex = Index(products);
        var customerIndex = Index(customers);
        writer.Write(baskets.Count);
        foreach (var basket in baskets)
        {
            writer.Write(customerIndex[basket.CustomerId]);
            writer.Write(basket.Day.DayNumber);
            writer.Write(basket.Skus.Length);
            foreach (var sku in basket.Skus)
            {
                writer.Write(productIndex[sku]);
            }
        }

        usual.Write(ml, writer);
        discover.Write(ml, writer);
    }

    public static RecommendationModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Format)
        {
            throw new InvalidDataException($"The stream does not hold a recommendation model ({Format}).");
        }

        var n = Enumerable.Range(0, 12).Select(_ => reader.ReadInt32()).ToArray();
        var options = new RecommendationOptions(n[0], n[1], reader.ReadDouble(), n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11]);
        var now = DateOnly.FromDayNumber(reader.ReadInt32());
        var products = ReadStrings(reader);
        var customers = ReadStrings(reader);
        var baskets = new List<BoughtBasket>(reader.ReadInt32());
        for (var i = baskets.Capacity; i > 0; i--)
        {
            var customer = customers[reader.ReadInt32()];
            var day = DateOnly.FromDayNumber(reader.ReadInt32());
            baskets.Add(new BoughtBasket(customer, day, [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => products[reader.ReadInt32()])]));
        }

        var ml = new MLContext(options.Seed);
        var usual = Ranker.Read(ml, reader);
        var discover = Ranker.Read(ml, reader);
        return new RecommendationModel(ml, baskets, ShoppingHistory.Build(baskets, now, options), options, usual, discover);
    }

    private List<ProductRecommendation> Rank(Ranker ranker, List<Candidate> candidates, int k)
    {
        var scores = ranker.Score(ml, candidates);
        return [.. candidates
            .Select((candidate, i) => (candidate, Score: scores[i]))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => history.Products[c.candidate.Product], StringComparer.Ordinal)
            .Take(k)
            .Select(c => new ProductRecommendation(history.Products[c.candidate.Product], Math.Round(c.Score, 6), c.candidate.Reason))];
    }

    private static void Label(List<CandidateRow> rows, List<Candidate> candidates, HashSet<int> bought) =>
        rows.AddRange(candidates.Select(c => new CandidateRow { Label = bought.Contains(c.Product), Features = c.Features }));

    private static Dictionary<string, int> Index(string[] values) =>
        values.Select((value, i) => (value, i)).ToDictionary(v => v.value, v => v.i, StringComparer.Ordinal);

    private static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader) =>
        [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString())];

    /// <summary>
    /// A trained FastTree classifier, or (when the history is too short to give both bought and not-bought
    /// candidates) a fixed score: how often the customer buys the product, plus how strongly it goes with their
    /// products, plus its share of this month's buyers.
    /// </summary>
    private sealed class Ranker(ITransformer? model, DataViewSchema? schema)
    {
        public static Ranker Fit(MLContext ml, List<CandidateRow> rows, RecommendationOptions options)
        {
            if (!rows.Any(r => r.Label) || rows.All(r => r.Label))
            {
                return new Ranker(null, null);
            }

            var data = ml.Data.LoadFromEnumerable(rows);
            var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinRowsPerLeaf,
                Seed = options.Seed,
                NumberOfThreads = 1,
            });
            return new Ranker(trainer.Fit(data), data.Schema);
        }

        public static Ranker Read(MLContext ml, BinaryReader reader)
        {
            var length = reader.ReadInt32();
            if (length == 0)
            {
                return new Ranker(null, null);
            }

            using var bytes = new MemoryStream(reader.ReadBytes(length));
            var model = ml.Model.Load(bytes, out var schema);
            return new Ranker(model, schema);
        }

        public void Write(MLContext ml, BinaryWriter writer)
        {
            if (model is null)
            {
                writer.Write(0);
                return;
            }

            using var bytes = new MemoryStream();
            ml.Model.Save(model, schema, bytes);
            writer.Write((int)bytes.Length);
            writer.Write(bytes.ToArray());
        }

        public float[] Score(MLContext ml, List<Candidate> candidates)
        {
            if (model is null)
            {
                return [.. candidates.Select(c => c.Features[1] + c.Features[12] + c.Features[18])];
            }

            var rows = ml.Data.LoadFromEnumerable(candidates.Select(c => new CandidateRow { Features = c.Features }));
            return [.. model.Transform(rows).GetColumn<float>("Score")];
        }
    }
}