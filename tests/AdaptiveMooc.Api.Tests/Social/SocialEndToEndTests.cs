using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Social;

/// <summary>Forums, webinars and certificates over real HTTP against the silo and API processes.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SocialEndToEndTests(PlatformFixture fixture)
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> StartThreadAsync(HttpClient client, string courseId, string title, string body, params string[] tags) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads",
            new JsonObject { ["title"] = title, ["body"] = body, ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]) }), HttpStatusCode.Created);

    [Fact]
    public async Task Forum_threads_posts_votes_moderation_and_listing()
    {
        using var client = fixture.Platform.Client();
        var (_, courseId) = await Payloads.EnrolledLearner(client);
        var forum = $"/api/courses/{courseId}/forum";

        var npv = await StartThreadAsync(client, courseId, "Discounting cash flows", "How does discounting work?", "npv");
        var irr = await StartThreadAsync(client, courseId, "Internal rate of return", "When is IRR misleading?", "irr");
        var other = await StartThreadAsync(client, courseId, "Study group", "Anyone in Paris?");
        var npvId = npv.GetProperty("id").GetString();

        var reply = await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts", new JsonObject { ["body"] = "Divide by (1+r)^t." }), HttpStatusCode.Created);
        var replyId = reply.GetProperty("id").GetString();
        Assert.Equal(2, reply.GetProperty("sequence").GetInt64());

        var page1 = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads?limit=2", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        var next = page1.GetProperty("next").GetString();
        var page2 = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads?limit=2&after={Uri.EscapeDataString(next!)}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
        var listed = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, listed.Distinct().Count());

        var search = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads?q=discount", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(npvId, Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var tagged = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads?tag=irr", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(irr.GetProperty("id").GetString(), Assert.Single(tagged.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var unanswered = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads?unanswered=true", UriKind.Relative)), HttpStatusCode.OK);
        Assert.DoesNotContain(unanswered.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == npvId);
        Assert.Equal(2, unanswered.GetProperty("items").GetArrayLength());

        var voted = await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts/{replyId}/votes", new JsonObject { ["value"] = 1 }), HttpStatusCode.OK);
        Assert.Equal(1, voted.GetProperty("score").GetInt32());
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts/{replyId}/votes", new JsonObject { ["value"] = 1 }), HttpStatusCode.Conflict, "already voted");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts/{replyId}/votes", new JsonObject { ["value"] = 5 }), HttpStatusCode.BadRequest, "value");

        var accepted = await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/accepted", new JsonObject { ["postId"] = replyId }), HttpStatusCode.OK);
        Assert.Equal(replyId, accepted.GetProperty("acceptedPostId").GetString());

        var reported = await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts/{replyId}/reports", new JsonObject { ["reason"] = "off topic" }), HttpStatusCode.Created);
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{npvId}/posts/{replyId}/reports", new JsonObject { ["reason"] = "again" }), HttpStatusCode.Conflict, "already reported");
        var queue = await ReadAsync(await client.GetAsync(new Uri($"{forum}/reports", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(reported.GetProperty("id").GetString(), Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var otherId = other.GetProperty("id").GetString();
        var locked = await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{otherId}/moderation", new JsonObject { ["action"] = "lock" }), HttpStatusCode.OK);
        Assert.True(locked.GetProperty("locked").GetBoolean());
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{otherId}/posts", new JsonObject { ["body"] = "late" }), HttpStatusCode.Conflict, "locked");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{otherId}/moderation", new JsonObject { ["action"] = "explode" }), HttpStatusCode.BadRequest, "action");
        await ReadAsync(await client.PostAsJsonAsync($"{forum}/threads/{otherId}/moderation", new JsonObject { ["action"] = "pin" }), HttpStatusCode.OK);
        var pinnedFirst = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(otherId, pinnedFirst.GetProperty("items")[0].GetProperty("id").GetString());

        var detail = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads/{npvId}?limit=1", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(npvId, detail.GetProperty("thread").GetProperty("id").GetString());
        Assert.Single(detail.GetProperty("posts").GetProperty("items").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("posts").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Bad_forum_input_is_a_clear_4xx_and_stores_nothing()
    {
        using var client = fixture.Platform.Client();
        var (_, courseId) = await Payloads.EnrolledLearner(client);
        var forum = $"/api/courses/{courseId}/forum";

        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads", new JsonObject { ["title"] = "  ", ["body"] = "b" }), HttpStatusCode.BadRequest, "title");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads", new JsonObject { ["title"] = "t", ["body"] = "" }), HttpStatusCode.BadRequest, "body");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads", new JsonObject { ["title"] = "t", ["body"] = new string('x', 10_001) }), HttpStatusCode.BadRequest, "body");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads", new JsonObject { ["title"] = "t", ["body"] = "b", ["tags"] = new JsonArray("Not A Tag") }), HttpStatusCode.BadRequest, "tags");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"{forum}/threads?limit=501", UriKind.Relative)), HttpStatusCode.BadRequest, "limit");
        await Problem.AssertAsync(await client.GetAsync(new Uri($"{forum}/threads?after=garbage", UriKind.Relative)), HttpStatusCode.BadRequest, "after");
        var empty = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());

        var thread = await StartThreadAsync(client, courseId, "t", "b");
        var threadId = thread.GetProperty("id").GetString();
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{threadId}/posts", new JsonObject { ["body"] = "x", ["replyTo"] = Guid.NewGuid().ToString() }), HttpStatusCode.BadRequest, "replyTo");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{Guid.NewGuid()}/posts", new JsonObject { ["body"] = "x" }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.PostAsJsonAsync($"/api/courses/no-such-course/forum/threads", new JsonObject { ["title"] = "t", ["body"] = "b" }), HttpStatusCode.NotFound, "no-such-course");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{forum}/threads/{threadId}/posts/{Guid.NewGuid()}/votes", new JsonObject { ["value"] = 1 }), HttpStatusCode.NotFound);
        var after = await ReadAsync(await client.GetAsync(new Uri($"{forum}/threads/{threadId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("thread").GetProperty("replyCount").GetInt32());

        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"{forum}/threads", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Thread_events_resume_from_last_event_id_then_go_live()
    {
        using var client = fixture.Platform.Client();
        var (_, courseId) = await Payloads.EnrolledLearner(client);
        var thread = await StartThreadAsync(client, courseId, "Live", "Watch this");
        var posts = $"/api/courses/{courseId}/forum/threads/{thread.GetProperty("id").GetString()}/posts";
        var first = await ReadAsync(await client.PostAsJsonAsync(posts, new JsonObject { ["body"] = "one" }), HttpStatusCode.Created);
        var second = await ReadAsync(await client.PostAsJsonAsync(posts, new JsonObject { ["body"] = "two" }), HttpStatusCode.Created);

        // A guard against hanging, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/courses/{courseId}/forum/threads/{thread.GetProperty("id").GetString()}/events");
        request.Headers.Add("Last-Event-ID", first.GetProperty("id").GetString());
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));

        var replayed = await NextEventAsync(reader, guard.Token);
        Assert.Equal(second.GetProperty("id").GetString(), replayed.Id);
        Assert.Equal("two", JsonDocument.Parse(replayed.Data).RootElement.GetProperty("body").GetString());

        var third = await ReadAsync(await client.PostAsJsonAsync(posts, new JsonObject { ["body"] = "three" }), HttpStatusCode.Created);
        var live = await NextEventAsync(reader, guard.Token);
        Assert.Equal(third.GetProperty("id").GetString(), live.Id);
    }

    private static async Task<(string? Id, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? id = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (id, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    [Fact]
    public async Task Hundred_concurrent_registrations_for_thirty_seats_over_http()
    {
        using var client = fixture.Platform.Client();
        var (firstLearner, courseId) = await Payloads.EnrolledLearner(client);
        var learners = new List<string> { firstLearner };
        for (var i = 1; i < 100; i++)
        {
            var learnerId = Payloads.NewId("learner");
            (await client.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
            learners.Add(learnerId);
        }

        var webinar = await ReadAsync(await client.PostAsJsonAsync($"/api/courses/{courseId}/webinars", new JsonObject
        {
            ["title"] = "Live Q&A", ["start"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O"), ["minutes"] = 60,
            ["capacity"] = 30, ["joinUrl"] = "https://meet.example.org/room",
        }), HttpStatusCode.Created);
        var registrations = $"/api/courses/{courseId}/webinars/{webinar.GetProperty("id").GetString()}/registrations";

        var answers = await Task.WhenAll(learners.Select(l => client.PostAsJsonAsync(registrations, new JsonObject { ["learnerId"] = l })));
        Assert.Equal(30, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(70, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var winner = learners[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Created)];
        await Problem.AssertAsync(await client.PostAsJsonAsync(registrations, new JsonObject { ["learnerId"] = winner }), HttpStatusCode.Conflict, "already registered");

        var listed = await ReadAsync(await client.GetAsync(new Uri($"/api/learners/{winner}/webinars", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(webinar.GetProperty("id").GetString(), Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var course = await ReadAsync(await client.GetAsync(new Uri($"/api/courses/{courseId}/webinars", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(30, course.GetProperty("items")[0].GetProperty("registered").GetInt32());

        await Problem.AssertAsync(await client.PostAsJsonAsync($"/api/courses/{courseId}/webinars", new JsonObject
        {
            ["title"] = "x", ["start"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), ["minutes"] = 60, ["capacity"] = 0, ["joinUrl"] = "https://meet.example.org/room",
        }), HttpStatusCode.BadRequest, "capacity");
        await Problem.AssertAsync(await client.PostAsJsonAsync($"/api/courses/{courseId}/webinars/{Guid.NewGuid()}/registrations", new JsonObject { ["learnerId"] = winner }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Certificate_is_issued_once_verifies_publicly_and_can_be_revoked()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var evaluate = $"/api/learners/{learnerId}/courses/{courseId}/certificate";

        var early = await ReadAsync(await client.PostAsync(new Uri(evaluate, UriKind.Relative), null), HttpStatusCode.OK);
        Assert.False(early.GetProperty("eligible").GetBoolean());
        Assert.Equal(["l1", "l2"], early.GetProperty("missingLessons").EnumerateArray().Select(e => e.GetString()));

        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var passed = Payloads.Statement(learnerId, courseId, "l2", "passed", at.AddMinutes(30));
        passed["result"] = new JsonObject { ["success"] = true, ["score"] = new JsonObject { ["scaled"] = 0.8 } };
        (await client.PostAsJsonAsync("/xapi/statements", new JsonArray(Payloads.Statement(learnerId, courseId, "l1", "completed", at), passed))).EnsureSuccessStatusCode();

        // Issued by the statements themselves, before anyone calls the route; the route then returns that one.
        var listedFirst = await ReadAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/certificates", UriKind.Relative)), HttpStatusCode.OK);
        var id = Assert.Single(listedFirst.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();
        var issued = await ReadAsync(await client.PostAsync(new Uri(evaluate, UriKind.Relative), null), HttpStatusCode.OK);
        var certificate = issued.GetProperty("certificate");
        Assert.Equal(id, certificate.GetProperty("id").GetString());
        Assert.Equal("statement", certificate.GetProperty("kind").GetString());
        var again = await ReadAsync(await client.PostAsync(new Uri(evaluate, UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("certificate").GetProperty("id").GetString());
        Assert.False(again.GetProperty("newlyIssued").GetBoolean());

        using var anonymous = fixture.Platform.Client(admin: false);
        var verified = await ReadAsync(await anonymous.GetAsync(new Uri($"/api/certificates/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(learnerId, verified.GetProperty("learnerId").GetString());
        Assert.Contains("OpenBadgeCredential", verified.GetProperty("credential").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"urn:uuid:{id}", verified.GetProperty("credential").GetProperty("id").GetString());
        var jwt = verified.GetProperty("jwt").GetString()!;
        var jwks = await ReadAsync(await anonymous.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)), HttpStatusCode.OK);
        var published = jwks.GetProperty("keys").EnumerateArray()
            .Select(k => new AdaptiveMooc.Grains.Abstractions.Certificates.PublicJwk(
                k.GetProperty("kty").GetString()!, k.GetProperty("crv").GetString()!, k.GetProperty("x").GetString()!,
                k.GetProperty("y").GetString()!, k.GetProperty("kid").GetString()!, k.GetProperty("alg").GetString()!, k.GetProperty("use").GetString()!))
            .ToList();
        Assert.NotNull(AdaptiveMooc.Grains.Abstractions.Certificates.VcJwt.Verify(jwt, published));
        var flipAt = jwt.IndexOf('.', StringComparison.Ordinal) + 3;
        var tampered = jwt[..flipAt] + (jwt[flipAt] == 'A' ? 'B' : 'A') + jwt[(flipAt + 1)..];
        Assert.Null(AdaptiveMooc.Grains.Abstractions.Certificates.VcJwt.Verify(tampered, published));

        // Issue 16, finding 7: an outside verifier, holding only the credential and the JWKS, must see a
        // revocation. The credential names its entry in a public, signed Bitstring Status List.
        var status = verified.GetProperty("credential").GetProperty("credentialStatus");
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        var statusIndex = int.Parse(status.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var statusList = new Uri(status.GetProperty("statusListCredential").GetString()!);
        Assert.False(await RevokedInStatusListAsync(anonymous, statusList, statusIndex, published));

        var mine = await ReadAsync(await client.GetAsync(new Uri($"/api/learners/{learnerId}/certificates", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        await Problem.AssertAsync(await client.PostAsJsonAsync($"/api/certificates/{id}/revocation", new JsonObject { ["reason"] = " " }), HttpStatusCode.BadRequest, "reason");
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync($"/api/certificates/{id}/revocation", new JsonObject { ["reason"] = "x" }), HttpStatusCode.Unauthorized);
        var revoked = await ReadAsync(await client.PostAsJsonAsync($"/api/certificates/{id}/revocation", new JsonObject { ["reason"] = "academic misconduct" }), HttpStatusCode.OK);
        Assert.True(revoked.GetProperty("revoked").GetBoolean());
        await Problem.AssertAsync(await client.PostAsJsonAsync($"/api/certificates/{id}/revocation", new JsonObject { ["reason"] = "again" }), HttpStatusCode.Conflict, "already revoked");
        var after = await ReadAsync(await anonymous.GetAsync(new Uri($"/api/certificates/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(after.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", after.GetProperty("verification").GetProperty("status").GetString());
        Assert.Equal("academic misconduct", after.GetProperty("revocationReason").GetString());
        Assert.True(await RevokedInStatusListAsync(anonymous, statusList, statusIndex, published));
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri("/api/certificates/status-lists/x", UriKind.Relative)), HttpStatusCode.NotFound);

        await Problem.AssertAsync(await anonymous.GetAsync(new Uri($"/api/certificates/{Guid.NewGuid()}", UriKind.Relative)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri("/api/certificates/not-a-uuid", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    /// <summary>What an outside verifier does: fetch the list credential, check its signature, read the bit.</summary>
    private static async Task<bool> RevokedInStatusListAsync(
        HttpClient anonymous, Uri statusList, int index, IReadOnlyList<AdaptiveMooc.Grains.Abstractions.Certificates.PublicJwk> published)
    {
        using var response = await anonymous.GetAsync(new Uri(statusList.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = AdaptiveMooc.Grains.Abstractions.Certificates.VcJwt.Verify(await response.Content.ReadAsStringAsync(), published);
        Assert.NotNull(payload);
        var subject = JsonDocument.Parse(payload).RootElement.GetProperty("credentialSubject");
        Assert.Equal("revocation", subject.GetProperty("statusPurpose").GetString());
        var encoded = subject.GetProperty("encodedList").GetString()!;
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        using var gzip = new System.IO.Compression.GZipStream(
            new MemoryStream(System.Buffers.Text.Base64Url.DecodeFromChars(encoded.AsSpan(1))), System.IO.Compression.CompressionMode.Decompress);
        using var bits = new MemoryStream();
        await gzip.CopyToAsync(bits);
        Assert.Equal(AdaptiveMooc.Grains.Abstractions.Certificates.StatusLists.Size / 8, bits.Length);
        return AdaptiveMooc.Grains.Abstractions.Certificates.StatusLists.IsSet(bits.ToArray(), index);
    }
}
