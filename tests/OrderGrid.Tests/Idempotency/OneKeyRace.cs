using System.Net;
using System.Text;

namespace OrderGrid.Tests.Idempotency;

/// <summary>
/// One request sent many times at once under one Idempotency-Key, as a client that retries on every timeout would.
/// Bodies are compared byte for byte: a replay must be indistinguishable from the original answer.
/// </summary>
public static class OneKeyRace
{
    public const int Senders = 100;

    /// <summary>Sends <paramref name="json"/> to <paramref name="path"/> <see cref="Senders"/> times at once; answers every response.</summary>
    public static async Task<Answer[]> Send(HttpClient client, string path, string json, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var start = new SemaphoreSlim(0, Senders);
        var sends = Enumerable.Range(0, Senders).Select(async _ =>
        {
            await start.WaitAsync();
            using var request = Request(path, json, key);
            using var response = await client.SendAsync(request);
            return new Answer(
                response.StatusCode,
                await response.Content.ReadAsStringAsync(),
                response.Headers.Location,
                response.Headers.Contains("Idempotent-Replayed"));
        }).ToArray();
        start.Release(Senders);
        return await Task.WhenAll(sends);
    }

    public static HttpRequestMessage Request(string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>All answers are the same 201 with the same Location and the same bytes; exactly one is not a replay.</summary>
    public static void AssertAlike(Answer[] answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var first = answers[0];
        Assert.True(first.Status == HttpStatusCode.Created, $"Expected 201, got {(int)first.Status}: {first.Body}");
        Assert.All(answers, a => Assert.Equal((first.Status, first.Location, first.Body), (a.Status, a.Location, a.Body)));
        Assert.Single(answers, a => !a.Replayed);
    }

    /// <summary>One answer as the client saw it.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body, Uri? Location, bool Replayed);
}