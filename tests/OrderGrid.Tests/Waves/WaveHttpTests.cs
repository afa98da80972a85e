using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Waves;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class WaveHttpTests(OrderGridApp app)
{
    private const string Warehouse = "uk-south";

    [Fact]
    public async Task A_vip_pick_list_joins_the_queue_a_wave_takes_it_and_picking_the_wave_picks_it()
    {
        var sku = await app.NewProduct();
        await app.Receive(Warehouse, sku, 10);
        using var rule = await app.Admin.PostAsJsonAsync("/api/rules", new { name = $"vip {sku}", priority = 900_000, conditions = new { skus = new[] { sku } }, actions = new[] { new { kind = "priority", level = "vip" } } });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var id = Json.Text((await app.PlaceOrder((sku, 2)))["id"]);
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);

        var queued = await OrderGridApp.Eventually(Queue, q => q.Any(p => Json.Text(p!["pickListId"]) == pickListId), "the pick list in the queue");
        // Other tests share this warehouse: waves of one are planned until ours comes up (most urgent first), and
        // only ours is picked, so no other test's pick list is touched.
        JsonObject wave;
        Uri location;
        var planned = 0;
        do
        {
            using var answer = await app.Ops.PostAsJsonAsync($"/api/warehouses/{Warehouse}/waves", new { maxPickLists = 1 });
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            (wave, location) = (await Json.Read(answer), answer.Headers.Location!);
        }
        while (++planned < 200 && !Json.Array(wave["pickLists"]).Any(p => Json.Text(p!["pickListId"]) == pickListId));

        var waveId = Json.Text(wave["id"]);
        using var read = await app.Ops.GetAsync(location);
        using var picked = await app.Ops.PostAsync(new Uri($"/api/waves/{waveId}/picked", UriKind.Relative), content: null);
        using var pickedAgain = await app.Ops.PostAsync(new Uri($"/api/waves/{waveId}/picked", UriKind.Relative), content: null);

        Assert.Equal("Vip", Json.Text(queued.Single(p => Json.Text(p!["pickListId"]) == pickListId)!["priority"]));
        Assert.Contains(Json.Array(wave["pickLists"]), p => Json.Text(p!["pickListId"]) == pickListId);
        var stop = Json.Array((await Json.Ok(read))["pickPath"]).Single(s => Json.Text(s!["sku"]) == sku)!;
        Assert.Equal((2, id), (Json.Number(stop["quantity"]), Json.Text(Assert.Single(Json.Array(stop["shares"]))!["orderId"])));
        var outcome = Json.Array((await Json.Ok(picked))["outcomes"]).Single(o => Json.Text(o!["pickListId"]) == pickListId)!;
        Assert.Equal("Picked", Json.Text(outcome["result"]));
        Assert.Equal("Picked", Json.Text((await Json.Ok(pickedAgain))["status"]));
        Assert.Equal("Picked", Json.Text(Json.Array((await app.Order(id))["pickLists"])[0]!["status"]));
    }

    [Fact]
    public async Task Bad_input_unknown_things_and_wrong_keys_are_problems()
    {
        using var noKey = await app.Customer.GetAsync(new Uri($"/api/warehouses/{Warehouse}/pick-lists?status=open", UriKind.Relative));
        using var planner = await app.Planner.PostAsJsonAsync($"/api/warehouses/{Warehouse}/waves", new { });
        using var badStatus = await app.Ops.GetAsync(new Uri($"/api/warehouses/{Warehouse}/pick-lists?status=shipped", UriKind.Relative));
        using var badSize = await app.Ops.PostAsJsonAsync($"/api/warehouses/{Warehouse}/waves", new { maxPickLists = 0 });
        using var unknownWarehouse = await app.Ops.GetAsync(new Uri("/api/warehouses/nowhere/pick-lists?status=open", UriKind.Relative));
        using var unknownWarehouseWave = await app.Ops.PostAsJsonAsync("/api/warehouses/nowhere/waves", new { });
        using var unknownWave = await app.Ops.GetAsync(new Uri("/api/waves/WV-nowhere-1", UriKind.Relative));
        using var unknownWavePicked = await app.Ops.PostAsync(new Uri("/api/waves/WV-nowhere-1/picked", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
        await Json.Invalid(badStatus, "status");
        await Json.Invalid(badSize, "maxPickLists");
        Assert.Equal("warehouse.not-found", Json.Text((await Json.Problem(unknownWarehouse, HttpStatusCode.NotFound))["code"]));
        await Json.Problem(unknownWarehouseWave, HttpStatusCode.NotFound);
        Assert.Equal("wave.not-found", Json.Text((await Json.Problem(unknownWave, HttpStatusCode.NotFound))["code"]));
        await Json.Problem(unknownWavePicked, HttpStatusCode.NotFound);
    }

    private async Task<JsonArray> Queue()
    {
        using var response = await app.Ops.GetAsync(new Uri($"/api/warehouses/{Warehouse}/pick-lists?status=open", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadArray(response);
    }
}