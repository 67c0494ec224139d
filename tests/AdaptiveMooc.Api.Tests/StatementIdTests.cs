using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests;

/// <summary><c>GET /xapi/statements?statementId=</c> and <c>voidedStatementId</c> (xAPI 1.0.3 single-statement GET).</summary>
[Collection(PlatformCollection.Name)]
public sealed class StatementIdTests(PlatformFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task StatementId_returns_that_statement_alone_and_refuses_other_filters()
    {
        using var client = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(client);
        var id = Guid.NewGuid();
        (await client.PostAsJsonAsync("/xapi/statements", new JsonArray(
            Payloads.Statement(learnerId, courseId, "l1", "completed", T0, id),
            Payloads.Statement(learnerId, courseId, "l2", "experienced", T0)))).EnsureSuccessStatusCode();

        var one = await client.GetFromJsonAsync<JsonElement>($"/xapi/statements?statementId={id}");
        Assert.Equal(id.ToString(), one.GetProperty("id").GetString());
        Assert.Equal("http://adlnet.gov/expapi/verbs/completed", one.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal("1.0.0", one.GetProperty("version").GetString());
        Assert.True(one.TryGetProperty("stored", out _));
        Assert.False(one.TryGetProperty("statements", out _));

        await Problem.AssertAsync(await Get(client, $"statementId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await Get(client, "statementId=not-a-uuid"), HttpStatusCode.BadRequest, "statementId");
        await Problem.AssertAsync(await Get(client, $"statementId={id}&verb=x"), HttpStatusCode.BadRequest, "verb");
        await Problem.AssertAsync(await Get(client, $"statementId={id}&voidedStatementId={id}"), HttpStatusCode.BadRequest, "voidedStatementId");

        // Not voided: voidedStatementId does not find it.
        await Problem.AssertAsync(await Get(client, $"voidedStatementId={id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_learner_reads_their_own_statement_by_id_and_not_another_learners()
    {
        using var admin = fixture.Platform.Client();
        var (learnerId, courseId) = await Payloads.EnrolledLearner(admin);
        var other = Payloads.NewId("learner");
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(other))).EnsureSuccessStatusCode();
        var id = Guid.NewGuid();
        (await admin.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "l1", "experienced", T0, id))).EnsureSuccessStatusCode();

        using var owner = await LearnerClient(learnerId);
        Assert.Equal(HttpStatusCode.OK, (await Get(owner, $"statementId={id}")).StatusCode);
        using var stranger = await LearnerClient(other);
        await Problem.AssertAsync(await Get(stranger, $"statementId={id}"), HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string query) =>
        client.GetAsync(new Uri($"/xapi/statements?{query}", UriKind.Relative));

    private async Task<HttpClient> LearnerClient(string learnerId)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = learnerId, ["password"] = "correct horse battery" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
