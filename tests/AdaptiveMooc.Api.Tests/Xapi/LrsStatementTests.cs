using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Tests.Accounts;

namespace AdaptiveMooc.Api.Tests.Xapi;

/// <summary>The Statement Resource of the LRS (docs/XAPI.md) over HTTP, on the real platform and PostgreSQL.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LrsStatementTests(PlatformFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-2);

    internal static JsonObject Foreign(string? mbox = null, string verb = "http://adlnet.gov/expapi/verbs/experienced", string? activity = null, Guid? id = null)
    {
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "Outside", ["mbox"] = "mailto:" + (mbox ?? $"{Guid.NewGuid():N}@outside.example") },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = "experienced", ["fr"] = "a vécu" } },
            ["object"] = new JsonObject
            {
                ["id"] = activity ?? $"http://content.example/activities/{Guid.NewGuid():N}",
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "A page", ["de"] = "Eine Seite" } },
            },
        };
        if (id is { } value)
        {
            statement["id"] = value.ToString();
        }

        return statement;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string query) => client.GetAsync(new Uri("/xapi/statements?" + query, UriKind.Relative));

    private static string Agent(string mbox) => Uri.EscapeDataString(new JsonObject { ["mbox"] = "mailto:" + mbox }.ToJsonString());

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, JsonNode body) =>
        client.PutAsJsonAsync($"/xapi/statements?statementId={id}", body);

    [Fact]
    public async Task Any_valid_actor_and_object_is_stored_and_read_back()
    {
        using var client = fixture.Platform.Client();
        var activity = $"http://content.example/{Guid.NewGuid():N}";
        var group = new JsonObject
        {
            ["objectType"] = "Group",
            ["member"] = new JsonArray(new JsonObject { ["mbox_sha1sum"] = "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" }, new JsonObject { ["openid"] = "http://openid.example/ada" }),
        };
        JsonNode[] actors =
        [
            new JsonObject { ["mbox"] = "mailto:ada@outside.example" },
            new JsonObject { ["mbox_sha1sum"] = "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" },
            new JsonObject { ["openid"] = "http://openid.example/ada" },
            new JsonObject { ["account"] = new JsonObject { ["homePage"] = "http://lms.example", ["name"] = "ada" } },
            group,
            new JsonObject { ["objectType"] = "Group", ["account"] = new JsonObject { ["homePage"] = "http://lms.example", ["name"] = "team-1" } },
        ];
        var statements = new JsonArray();
        foreach (var actor in actors)
        {
            statements.Add(new JsonObject { ["actor"] = actor, ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/attempted" }, ["object"] = new JsonObject { ["id"] = activity } });
        }

        var target = Guid.NewGuid();
        statements.Add(Foreign(id: target));
        statements.Add(new JsonObject { ["actor"] = actors[0].DeepClone(), ["verb"] = new JsonObject { ["id"] = "http://example.org/verbs/mentioned" }, ["object"] = new JsonObject { ["objectType"] = "Agent", ["mbox"] = "mailto:grace@outside.example" } });
        statements.Add(new JsonObject { ["actor"] = actors[0].DeepClone(), ["verb"] = new JsonObject { ["id"] = "http://example.org/verbs/liked" }, ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() } });
        statements.Add(new JsonObject
        {
            ["actor"] = actors[0].DeepClone(),
            ["verb"] = new JsonObject { ["id"] = "http://example.org/verbs/planned" },
            ["object"] = new JsonObject
            {
                ["objectType"] = "SubStatement",
                ["actor"] = actors[2].DeepClone(),
                ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/attended" },
                ["object"] = new JsonObject { ["id"] = activity },
            },
        });

        var ids = await Json(await client.PostAsJsonAsync("/xapi/statements", statements), HttpStatusCode.OK);
        Assert.Equal(statements.Count, ids.GetArrayLength());

        var about = await Json(await Get(client, $"activity={Uri.EscapeDataString(activity)}"), HttpStatusCode.OK);
        Assert.Equal(actors.Length, about.GetProperty("statements").GetArrayLength());
        var related = await Json(await Get(client, $"activity={Uri.EscapeDataString(activity)}&related_activities=true"), HttpStatusCode.OK);
        Assert.Equal(actors.Length + 1, related.GetProperty("statements").GetArrayLength());

        var one = await Json(await Get(client, $"statementId={ids[0].GetString()}"), HttpStatusCode.OK);
        Assert.Equal("1.0.0", one.GetProperty("version").GetString());
        Assert.Equal("Agent", one.GetProperty("authority").GetProperty("objectType").GetString());
        Assert.True(one.TryGetProperty("stored", out _));
        Assert.True(one.TryGetProperty("timestamp", out _));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { """{"actor":{"mbox":"ada@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"}}""", "actor.mbox" },
        { """{"actor":{"mbox":"mailto:a@x.example","openid":"http://o.example/a"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"}}""", "actor" },
        { """{"actor":{"objectType":"Group"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"}}""", "actor.member" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"not an iri"},"object":{"id":"http://a.example/1"}}""", "verb.id" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a","display":{"not a tag!":"x"}},"object":{"id":"http://a.example/1"}}""", "verb.display" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"result":{"score":{"scaled":1.5}}}""", "result.score.scaled" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"result":{"score":{"raw":11,"min":0,"max":10}}}""", "result.score.raw" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"objectType":"Agent","mbox":"mailto:b@x.example"},"context":{"platform":"web"}}""", "context.platform" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"objectType":"StatementRef","id":"x"},"context":{"revision":"1"}}""", "object.id" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"timestamp":"yesterday"}""", "timestamp" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"result":{"extensions":{"not-an-iri":1}}}""", "result.extensions" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"colour":"red"}""", "colour" },
        { """{"id":"12345","actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"}}""", "id" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"version":"2.0.0"}""", "version" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},"object":{"id":"http://a.example/1"}}""", "object" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"objectType":"SubStatement"}}}""", "object.object.objectType" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1","definition":{"interactionType":"likert","choices":[{"id":"a"}]}}}""", "object.definition.choices" },
        { """{"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://v.example/a"},"object":{"id":"http://a.example/1"},"result":{"duration":"25 minutes"}}""", "result.duration" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_statements_are_refused_naming_the_field_and_nothing_is_stored(string statement, string field)
    {
        using var client = fixture.Platform.Client();
        var good = Foreign();
        var body = new JsonArray(good, JsonNode.Parse(statement));
        await Problem.AssertAsync(await client.PostAsync(new Uri("/xapi/statements", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, field);
        var page = await Json(await Get(client, $"agent={Agent(good["actor"]!["mbox"]!.GetValue<string>()["mailto:".Length..])}"), HttpStatusCode.OK);
        Assert.Empty(page.GetProperty("statements").EnumerateArray());
    }

    [Fact]
    public async Task Put_stores_under_the_id_answers_204_for_the_same_and_409_for_other_content()
    {
        using var client = fixture.Platform.Client();
        var id = Guid.NewGuid();
        var statement = Foreign();
        statement["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonObject { ["id"] = "http://content.example/course" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await Put(client, id, statement)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Put(client, id, statement)).StatusCode);
        var other = Foreign(mbox: "someone-else@outside.example");
        await Problem.AssertAsync(await Put(client, id, other), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/xapi/statements", Foreign(id: id)), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await Put(client, id, Foreign(id: Guid.NewGuid())), HttpStatusCode.BadRequest, "id");
        await Problem.AssertAsync(await client.PutAsJsonAsync("/xapi/statements", statement), HttpStatusCode.BadRequest, "statementId");

        var response = await Get(client, $"statementId={id}");
        var stored = await Json(response, HttpStatusCode.OK);
        Assert.Equal(id.ToString(), stored.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, stored.GetProperty("context").GetProperty("contextActivities").GetProperty("parent").ValueKind);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.Contains("X-Experience-API-Consistent-Through"));
        Assert.Equal("1.0.3", response.Headers.GetValues("X-Experience-API-Version").Single());
    }

    [Fact]
    public async Task Voiding_hides_the_target_from_queries_and_statementId_but_not_from_voidedStatementId()
    {
        using var client = fixture.Platform.Client();
        var mbox = $"{Guid.NewGuid():N}@outside.example";
        var target = Guid.NewGuid();
        (await client.PostAsJsonAsync("/xapi/statements", Foreign(mbox, id: target))).EnsureSuccessStatusCode();
        await Problem.AssertAsync(await Get(client, $"voidedStatementId={target}"), HttpStatusCode.NotFound);

        var voiding = Guid.NewGuid();
        var voidingStatement = new JsonObject
        {
            ["id"] = voiding.ToString(),
            ["actor"] = new JsonObject { ["mbox"] = "mailto:" + mbox },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() },
        };
        (await client.PostAsJsonAsync("/xapi/statements", voidingStatement)).EnsureSuccessStatusCode();

        await Problem.AssertAsync(await Get(client, $"statementId={target}"), HttpStatusCode.NotFound);
        var voided = await Json(await Get(client, $"voidedStatementId={target}"), HttpStatusCode.OK);
        Assert.Equal(target.ToString(), voided.GetProperty("id").GetString());
        var page = await Json(await Get(client, $"agent={Agent(mbox)}"), HttpStatusCode.OK);
        Assert.Equal([voiding.ToString()], page.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // A voiding statement cannot target another voiding statement.
        var again = new JsonObject
        {
            ["actor"] = new JsonObject { ["mbox"] = "mailto:" + mbox },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = voiding.ToString() },
        };
        await Problem.AssertAsync(await client.PostAsJsonAsync("/xapi/statements", again), HttpStatusCode.BadRequest, "object.id");
        Assert.Equal(HttpStatusCode.OK, (await Get(client, $"statementId={voiding}")).StatusCode);
    }

    [Fact]
    public async Task Every_query_parameter_filters_and_more_pages()
    {
        using var client = fixture.Platform.Client();
        var mbox = $"{Guid.NewGuid():N}@outside.example";
        var activity = $"http://content.example/{Guid.NewGuid():N}";
        var registration = Guid.NewGuid();
        var parent = $"http://content.example/parent-{Guid.NewGuid():N}";
        var instructor = $"{Guid.NewGuid():N}@teach.example";
        var statements = new JsonArray();
        for (var i = 0; i < 5; i++)
        {
            var s = Foreign(mbox, verb: i % 2 == 0 ? "http://example.org/verbs/even" : "http://example.org/verbs/odd", activity: i < 3 ? activity : null);
            if (i == 4)
            {
                s["context"] = new JsonObject
                {
                    ["registration"] = registration.ToString(),
                    ["instructor"] = new JsonObject { ["mbox"] = "mailto:" + instructor },
                    ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = parent }) },
                };
            }

            statements.Add(s);
        }

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = (await Json(await client.PostAsJsonAsync("/xapi/statements", statements), HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetString()).ToList();
        var agent = Agent(mbox);

        async Task<List<string?>> Ids(string query) =>
            (await Json(await Get(client, query), HttpStatusCode.OK)).GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.Equal(5, (await Ids($"agent={agent}")).Count);
        Assert.Equal(3, (await Ids($"agent={agent}&verb={Uri.EscapeDataString("http://example.org/verbs/even")}")).Count);
        Assert.Equal(3, (await Ids($"agent={agent}&activity={Uri.EscapeDataString(activity)}")).Count);
        Assert.Equal([ids[4]], await Ids($"registration={registration}"));
        Assert.Empty(await Ids($"activity={Uri.EscapeDataString(parent)}"));
        Assert.Equal([ids[4]], await Ids($"activity={Uri.EscapeDataString(parent)}&related_activities=true"));
        Assert.Empty(await Ids($"agent={Agent(instructor)}"));
        Assert.Equal([ids[4]], await Ids($"agent={Agent(instructor)}&related_agents=true"));
        Assert.Equal(5, (await Ids($"agent={agent}&since={Uri.EscapeDataString(before.ToString("O"))}")).Count);
        Assert.Empty(await Ids($"agent={agent}&until={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Equal(ids, await Ids($"agent={agent}&ascending=true"));

        var first = await Json(await Get(client, $"agent={agent}&limit=2&ascending=true"), HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("statements").GetArrayLength());
        var more = first.GetProperty("more").GetString()!;
        Assert.StartsWith("/xapi/statements?", more, StringComparison.Ordinal);
        var second = await Json(await client.GetAsync(new Uri(more, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(ids[2], second.GetProperty("statements")[0].GetProperty("id").GetString());

        var idsFormat = await Json(await Get(client, $"statementId={ids[0]}&format=ids"), HttpStatusCode.OK);
        Assert.False(idsFormat.GetProperty("actor").TryGetProperty("name", out _));
        Assert.False(idsFormat.GetProperty("object").TryGetProperty("definition", out _));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/xapi/statements?statementId={ids[0]}&format=canonical", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("de");
        var canonical = await Json(await client.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal(["de"], canonical.GetProperty("object").GetProperty("definition").GetProperty("name").EnumerateObject().Select(p => p.Name));

        await Problem.AssertAsync(await Get(client, "format=full"), HttpStatusCode.BadRequest, "format");
        await Problem.AssertAsync(await Get(client, "Agent=x"), HttpStatusCode.BadRequest, "Agent");
        await Problem.AssertAsync(await Get(client, "agent=%7B%22name%22%3A%22x%22%7D"), HttpStatusCode.BadRequest, "agent");
        await Problem.AssertAsync(await Get(client, "registration=nope"), HttpStatusCode.BadRequest, "registration");
        await Problem.AssertAsync(await Get(client, "ascending=yes"), HttpStatusCode.BadRequest, "ascending");
    }

    [Fact]
    public async Task Version_header_is_required_and_must_be_1_0_x()
    {
        using var client = fixture.Platform.Client();
        client.DefaultRequestHeaders.Remove("X-Experience-API-Version");
        await Problem.AssertAsync(await Get(client, "limit=1"), HttpStatusCode.BadRequest, "X-Experience-API-Version");
        foreach (var (version, expected) in new[] { ("0.95", HttpStatusCode.BadRequest), ("1.1.0", HttpStatusCode.BadRequest), ("1.0.1", HttpStatusCode.OK), ("1.0", HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/xapi/statements?limit=1", UriKind.Relative));
            request.Headers.Add("X-Experience-API-Version", version);
            var response = await client.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("1.0.3", response.Headers.GetValues("X-Experience-API-Version").Single());
        }
    }

    [Fact]
    public async Task Attachments_travel_in_multipart_mixed_and_a_sha2_mismatch_is_refused()
    {
        using var client = fixture.Platform.Client();
        var content = Encoding.UTF8.GetBytes("here is a simple attachment " + Guid.NewGuid());
        var sha2 = Convert.ToHexStringLower(SHA256.HashData(content));
        var id = Guid.NewGuid();
        var statement = Foreign(id: id);
        statement["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = "http://adlnet.gov/expapi/attachments/text",
            ["display"] = new JsonObject { ["en-US"] = "A text" },
            ["contentType"] = "text/plain",
            ["length"] = content.Length,
            ["sha2"] = sha2,
        });

        static MultipartContent Multipart(JsonNode statement, byte[] content, string hash)
        {
            var multipart = new MultipartContent("mixed");
            multipart.Add(new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"));
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            part.Headers.Add("X-Experience-API-Hash", hash);
            part.Headers.Add("Content-Transfer-Encoding", "binary");
            multipart.Add(part);
            return multipart;
        }

        await Problem.AssertAsync(await client.PostAsync(new Uri("/xapi/statements", UriKind.Relative), Multipart(statement, content, new string('a', 64))),
            HttpStatusCode.BadRequest, "X-Experience-API-Hash");
        await Problem.AssertAsync(await Get(client, $"statementId={id}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/xapi/statements", statement), HttpStatusCode.BadRequest, "sha2");

        await Json(await client.PostAsync(new Uri("/xapi/statements", UriKind.Relative), Multipart(statement, content, sha2)), HttpStatusCode.OK);
        var response = await Get(client, $"statementId={id}&attachments=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(id.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("X-Experience-API-Hash: " + sha2, body, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetString(content), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_statement_is_verified()
    {
        using var client = fixture.Platform.Client();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=signer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var statement = Foreign(id: Guid.NewGuid());

        string Jws(JsonNode payload, string alg, RSA key)
        {
            var header = new JsonObject { ["alg"] = alg, ["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData)) };
            var signingInput = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
                + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
            var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
        }

        async Task<HttpResponseMessage> PostSigned(JsonNode signedPayload, string alg, RSA key)
        {
            var jws = Encoding.ASCII.GetBytes(Jws(signedPayload, alg, key));
            var sha2 = Convert.ToHexStringLower(SHA256.HashData(jws));
            var sent = statement.DeepClone();
            sent["attachments"] = new JsonArray(new JsonObject
            {
                ["usageType"] = "http://adlnet.gov/expapi/attachments/signature",
                ["display"] = new JsonObject { ["en-US"] = "Signature" },
                ["contentType"] = "application/octet-stream",
                ["length"] = jws.Length,
                ["sha2"] = sha2,
            });
            var multipart = new MultipartContent("mixed");
            multipart.Add(new StringContent(sent.ToJsonString(), Encoding.UTF8, "application/json"));
            var part = new ByteArrayContent(jws);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            part.Headers.Add("X-Experience-API-Hash", sha2);
            multipart.Add(part);
            return await client.PostAsync(new Uri("/xapi/statements", UriKind.Relative), multipart);
        }

        using var stranger = RSA.Create(2048);
        await Problem.AssertAsync(await PostSigned(statement, "RS256", stranger), HttpStatusCode.BadRequest, "attachments");
        var altered = statement.DeepClone();
        altered["verb"]!["id"] = "http://example.org/verbs/other";
        await Problem.AssertAsync(await PostSigned(altered, "RS256", rsa), HttpStatusCode.BadRequest, "attachments");
        await Problem.AssertAsync(await PostSigned(statement, "HS256", rsa), HttpStatusCode.BadRequest, "attachments");
        await Json(await PostSigned(statement, "RS256", rsa), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_alternate_request_syntax_carries_method_headers_and_content_in_a_form()
    {
        using var client = fixture.Platform.Client(admin: false);
        using var admin = fixture.Platform.Client();
        var (keyId, key) = await CreateKey(admin, "statements:write", "statements:read");
        var id = Guid.NewGuid();
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{key}"));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Authorization"] = basic,
            ["X-Experience-API-Version"] = "1.0.3",
            ["Content-Type"] = "application/json",
            ["content"] = Foreign().ToJsonString(),
            ["statementId"] = id.ToString(),
        });
        var response = await client.PostAsync(new Uri("/xapi/statements?method=PUT", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var read = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Authorization"] = basic,
            ["X-Experience-API-Version"] = "1.0.3",
            ["statementId"] = id.ToString(),
        });
        var got = await Json(await client.PostAsync(new Uri("/xapi/statements?method=GET", UriKind.Relative), read), HttpStatusCode.OK);
        Assert.Equal(id.ToString(), got.GetProperty("id").GetString());

        await Problem.AssertAsync(await client.PostAsync(new Uri($"/xapi/statements?method=GET&statementId={id}", UriKind.Relative), read), HttpStatusCode.BadRequest, "statementId");
    }

    [Fact]
    public async Task An_api_key_over_basic_posts_and_reads_and_needs_its_scopes()
    {
        using var admin = fixture.Platform.Client();
        var (keyId, key) = await CreateKey(admin, "statements:write", "statements:read");
        var (readerId, readerKey) = await CreateKey(admin, "statements:read");
        using var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{key}")));
        var id = Guid.NewGuid();
        await Json(await client.PostAsJsonAsync("/xapi/statements", Foreign(id: id)), HttpStatusCode.OK);
        var stored = await Json(await Get(client, $"statementId={id}"), HttpStatusCode.OK);
        Assert.Equal("api-key:" + keyId, stored.GetProperty("authority").GetProperty("account").GetProperty("name").GetString());

        using var reader = fixture.Platform.Client(admin: false);
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{readerId}:{readerKey}")));
        Assert.Equal(HttpStatusCode.OK, (await Get(reader, $"statementId={id}")).StatusCode);
        await Problem.AssertAsync(await reader.PostAsJsonAsync("/xapi/statements", Foreign()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_actor_is_stored_and_not_interpreted_and_a_learner_posts_only_as_themselves()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(admin);
        var lesson = $"{Payloads.Base}/courses/{courseId}/lessons/l1";
        var unknown = Foreign(activity: lesson, verb: "http://adlnet.gov/expapi/verbs/completed");
        var nobody = Payloads.Statement(Payloads.NewId("nobody"), courseId, "l2", "completed", T0);
        await Json(await admin.PostAsJsonAsync("/xapi/statements", new JsonArray(unknown, nobody)), HttpStatusCode.OK);
        var progress = await Json(await admin.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Empty(progress.GetProperty("completedLessons").EnumerateArray());
        var stored = await Json(await Get(admin, $"activity={Uri.EscapeDataString(lesson)}"), HttpStatusCode.OK);
        Assert.Single(stored.GetProperty("statements").EnumerateArray());

        using var learner = await SignIn(learnerId);
        await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Foreign()), HttpStatusCode.Forbidden);
        await Json(await learner.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "l1", "completed", T0)), HttpStatusCode.OK);
        progress = await Json(await admin.GetAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/progress", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));

        // The learner reads their own statements only: not the outside actor's.
        var own = await Json(await Get(learner, "limit=0"), HttpStatusCode.OK);
        Assert.Single(own.GetProperty("statements").EnumerateArray());
    }

    private async Task<HttpClient> SignIn(string learnerId)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        var token = await Json(await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = learnerId, ["password"] = "correct horse battery" }), HttpStatusCode.OK);
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    internal static async Task<(string Id, string Key)> CreateKey(HttpClient admin, params string[] scopes)
    {
        var created = await Json(await admin.PostAsJsonAsync("/api/api-keys", new JsonObject { ["name"] = "lrs", ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]) }), HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }
}

/// <summary>A learner's verified e-mail maps an <c>mbox</c> actor to the learner (docs/XAPI.md, "Interpretation").</summary>
[Collection(AccountsCollection.Name)]
public sealed class LrsVerifiedEmailTests(AccountsFixture fixture)
{
    [Fact]
    public async Task An_mbox_statement_is_interpreted_for_the_learner_with_that_verified_email_only()
    {
        using var admin = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        var course = Payloads.Course(courseId);
        (await admin.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        await Payloads.PublishAsync(admin, courseId, course);
        var id = Payloads.NewId("acc");
        var email = $"{id}@example.org";
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(id))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/learners/{id}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
        var lesson = $"{Payloads.Base}/courses/{courseId}/lessons/l1";
        var progressUrl = new Uri($"/api/learners/{id}/courses/{courseId}/progress", UriKind.Relative);

        // Not verified yet: stored, not interpreted.
        (await admin.PostAsJsonAsync("/xapi/statements", LrsStatementTests.Foreign(email, "http://adlnet.gov/expapi/verbs/completed", lesson))).EnsureSuccessStatusCode();
        var progress = await admin.GetFromJsonAsync<JsonElement>(progressUrl);
        Assert.Empty(progress.GetProperty("completedLessons").EnumerateArray());

        var token = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync(email, "Confirm your e-mail address")), "verify-email");
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/account/email-verification", new JsonObject { ["token"] = token })).StatusCode);

        (await admin.PostAsJsonAsync("/xapi/statements", LrsStatementTests.Foreign(email.ToUpperInvariant(), "http://adlnet.gov/expapi/verbs/completed", lesson))).EnsureSuccessStatusCode();
        progress = await admin.GetFromJsonAsync<JsonElement>(progressUrl);
        Assert.Contains("l1", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
    }
}
