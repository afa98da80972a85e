using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Common;

using Orleans.Serialization;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class WireFormatTests(ClusterFixture cluster)
{
    /// <summary>A grain's answer travels as an untyped body, so its type name must be readable on the other side.</summary>
    [Fact]
    public void Answers_and_refusals_cross_the_wire_intact()
    {
        var serializer = cluster.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        object answer = Outcome<Product>.Ok(new Product("MUG", "Mug", 4.5m));
        object refusal = Outcome<Product>.Refused(Refusal.NotFound("product.not-found", "Unknown SKU MUG."));

        var answerCopy = serializer.Deserialize<object>(serializer.SerializeToArray(answer));
        var refusalCopy = serializer.Deserialize<object>(serializer.SerializeToArray(refusal));

        Assert.Equal(answer, answerCopy);
        Assert.Equal(refusal, refusalCopy);
    }
}