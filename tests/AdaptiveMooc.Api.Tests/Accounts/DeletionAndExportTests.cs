using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace AdaptiveMooc.Api.Tests.Accounts;

/// <summary>Account deletion searched for in every table, and the data export, over HTTP on PostgreSQL.</summary>
[Collection(AccountsCollection.Name)]
public sealed class DeletionAndExportTests(AccountsFixture fixture)
{
    private const string Password = "correct horse battery";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A published course with a cohort: the person, and two others, all with statements.</summary>
    private async Task<(string PersonId, string CourseId, string Name, string Email, List<string> StatementIds)> CohortAsync()
    {
        using var admin = fixture.Platform.Client();
        var (otherId, courseId) = await Payloads.EnrolledLearner(admin);
        var personId = Payloads.NewId("person");
        var name = "Zebulon Quixote-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"zq-{Guid.NewGuid():N}@example.org";
        var body = Payloads.Learner(personId);
        body["name"] = name;
        body["email"] = email;
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", body), HttpStatusCode.Created);
        await ReadAsync(await admin.PostAsJsonAsync($"/api/learners/{personId}/enrollments", new JsonObject { ["courseId"] = courseId }), HttpStatusCode.Created);

        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var statements = new JsonArray();
        var ids = new List<string>();
        foreach (var learner in new[] { personId, otherId })
        {
            var passed = Payloads.Statement(learner, courseId, "l2", "passed", at.AddMinutes(40));
            passed["result"] = new JsonObject { ["success"] = true, ["score"] = new JsonObject { ["scaled"] = 0.8 } };
            var launched = Payloads.Statement(learner, courseId, "l1", "launched", at);
            var completed = Payloads.Statement(learner, courseId, "l1", "completed", at.AddMinutes(20), duration: "PT20M");
            if (learner == personId)
            {
                // What senders put in statements: the actor's name, and free text that may hold an address.
                launched["actor"]!["name"] = name;
                completed["result"]!["response"] = $"Notes by {name}, reach me at {email}";
            }

            foreach (var statement in new[] { launched, completed, passed })
            {
                statements.Add(statement);
                if (learner == personId)
                {
                    ids.Add(statement["id"]!.GetValue<string>());
                }
            }
        }

        for (var i = 0; i < 30; i++)
        {
            var progressed = Payloads.Statement(personId, courseId, "l3", "progressed", at.AddMinutes(50 + i));
            statements.Add(progressed);
            ids.Add(progressed["id"]!.GetValue<string>());
        }

        await ReadAsync(await admin.PostAsJsonAsync("/xapi/statements", statements), HttpStatusCode.OK);
        return (personId, courseId, name, email, ids);
    }

    [Fact]
    public async Task Deletion_leaves_no_name_or_address_in_any_table_and_moves_no_course_figure()
    {
        var (personId, courseId, name, email, _) = await CohortAsync();
        using var admin = fixture.Platform.Client();
        using var person = await fixture.SignedInAsync(personId, Password);
        var thread = await ReadAsync(await person.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads",
            new JsonObject { ["title"] = "Question on NPV", ["body"] = "Why discount?" }), HttpStatusCode.Created);
        var certificates = await WaitForCertificateAsync(admin, personId);
        var certificateId = certificates[0].GetProperty("id").GetString();
        var export = await ReadAsync(await person.PostAsync(new Uri("/api/account/exports", UriKind.Relative), null), HttpStatusCode.Accepted);
        await WaitReadyAsync(person, export.GetProperty("id").GetString()!);
        await fixture.Mail.WaitForAsync(email, "Confirm your e-mail address");
        var figures = await FiguresAsync(admin, courseId);

        // The search can fail: before deletion it finds the person in grain state, statements, mails and exports.
        var before = await OccurrencesAsync(name, email);
        Assert.Contains(before, o => o.StartsWith("orleansstorage.", StringComparison.Ordinal));
        Assert.Contains(before, o => o.StartsWith("xapi_statements.", StringComparison.Ordinal));
        Assert.Contains(before, o => o.StartsWith("mail_outbox.", StringComparison.Ordinal));
        Assert.Equal(1, await ExportRowsAsync(personId));

        await Problem.AssertAsync(await person.PostAsJsonAsync("/api/account/deletion", new JsonObject { ["password"] = "wrong" }), HttpStatusCode.BadRequest, "password");
        await ReadAsync(await person.PostAsJsonAsync("/api/account/deletion", new JsonObject { ["password"] = Password }), HttpStatusCode.NoContent);

        var after = await OccurrencesAsync(name, email);
        Assert.True(after.Count == 0, "still found after deletion: " + string.Join(", ", after));
        Assert.Equal(figures, await FiguresAsync(admin, courseId));
        Assert.Equal(0, await ExportRowsAsync(personId));

        // The account is gone for every door, the id is never handed out again, the address is free.
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync(new Uri("/api/account", UriKind.Relative))).StatusCode);
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token",
            new JsonObject { ["username"] = personId, ["password"] = Password })).StatusCode);
        await Problem.AssertAsync(await admin.GetAsync(new Uri($"/api/learners/{personId}", UriKind.Relative)), HttpStatusCode.NotFound);
        var again = Payloads.Learner(personId);
        again["email"] = $"other-{Guid.NewGuid():N}@example.org";
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/learners", again), HttpStatusCode.Conflict, "id");
        var reuse = Payloads.Learner(Payloads.NewId("newcomer"));
        reuse["email"] = email;
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", reuse), HttpStatusCode.Created);

        // The certificate still verifies; the forum thread shows a neutral author.
        var verified = await ReadAsync(await anonymous.GetAsync(new Uri($"/api/certificates/{certificateId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        var shown = await ReadAsync(await admin.GetAsync(new Uri($"/api/courses/{courseId}/forum/threads/{thread.GetProperty("id").GetString()}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.DoesNotContain(personId, shown.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("deleted-account", shown.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_every_statement_and_only_the_person_can_fetch_it()
    {
        var (personId, courseId, name, email, statementIds) = await CohortAsync();
        using var person = await fixture.SignedInAsync(personId, Password);
        var job = await ReadAsync(await person.PostAsync(new Uri("/api/account/exports", UriKind.Relative), null), HttpStatusCode.Accepted);
        var id = job.GetProperty("id").GetString()!;
        var ready = await WaitReadyAsync(person, id);
        var download = ready.GetProperty("download").GetString()!;

        using var response = await person.GetAsync(new Uri(download, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        string Entry(string entry)
        {
            using var reader = new StreamReader(zip.GetEntry(entry)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var exported = JsonNode.Parse(Entry("statements.json"))!.AsArray();
        Assert.Equal(statementIds.Order(StringComparer.Ordinal), exported.Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(statementIds.Count + 1, Entry("statements.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var profile = JsonNode.Parse(Entry("profile.json"))!.AsArray().Single()!;
        Assert.Equal(name, profile["name"]!.GetValue<string>());
        Assert.Equal(email, profile["email"]!.GetValue<string>());
        Assert.Equal(courseId, JsonNode.Parse(Entry("enrolments.json"))!.AsArray().Single()!["courseId"]!.GetValue<string>());
        foreach (var section in new[] { "progress", "plan-sessions", "notifications", "certificates", "mails", "forum-posts", "webinar-registrations" })
        {
            Assert.NotNull(zip.GetEntry(section + ".json"));
            Assert.NotNull(zip.GetEntry(section + ".csv"));
        }

        // Only the person: another learner, an admin and nobody at all get nothing.
        var otherId = Payloads.NewId("other");
        using var admin = fixture.Platform.Client();
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(otherId)), HttpStatusCode.Created);
        using var other = await fixture.SignedInAsync(otherId, Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
    }

    /// <summary>Export archives are compressed, so the text search cannot see into them: their rows are counted instead.</summary>
    private async Task<long> ExportRowsAsync(string learnerId)
    {
        await using var data = NpgsqlDataSource.Create(fixture.Platform.DatabaseConnectionString);
        await using var command = data.CreateCommand("SELECT count(*) FROM data_exports WHERE learner_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = learnerId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement> WaitReadyAsync(HttpClient person, string exportId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await ReadAsync(await person.GetAsync(new Uri($"/api/account/exports/{exportId}", UriKind.Relative)), HttpStatusCode.OK);
            var status = job.GetProperty("status").GetString();
            Assert.NotEqual("failed", status);
            if (status == "ready")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "the export was not ready within 90 s");
            await Task.Delay(250);
        }
    }

    private static async Task<List<JsonElement>> WaitForCertificateAsync(HttpClient admin, string learnerId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listed = await ReadAsync(await admin.GetAsync(new Uri($"/api/learners/{learnerId}/certificates", UriKind.Relative)), HttpStatusCode.OK);
            var items = listed.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0)
            {
                return items;
            }

            Assert.True(DateTime.UtcNow < deadline, "no certificate was issued");
            await Task.Delay(200);
        }
    }

    /// <summary>The course figures deletion must not move (the at-risk list is left out: it names learners by id and ranks by time).</summary>
    private static async Task<string> FiguresAsync(HttpClient admin, string courseId)
    {
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"));
        var analytics = await ReadAsync(await admin.GetAsync(new Uri($"/api/courses/{courseId}/analytics?asOf={asOf}", UriKind.Relative)), HttpStatusCode.OK);
        return string.Join("|", new[] { "enrolled", "active7d", "completed", "completionRate", "lessons", "skills" }
            .Select(p => p + "=" + analytics.GetProperty(p).GetRawText()));
    }

    /// <summary>
    /// Every column of every table of the database that can hold text (text, varchar, json, jsonb, arrays, tsvector,
    /// bytea such as Orleans' grain state payloads) searched for the name and the address, case-insensitively for
    /// text; answers <c>table.column</c> of each hit.
    /// </summary>
    private async Task<List<string>> OccurrencesAsync(string name, string email)
    {
        await using var data = NpgsqlDataSource.Create(fixture.Platform.DatabaseConnectionString);
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = data.CreateCommand(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c " +
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' " +
            "WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'tsvector', 'bytea') " +
            "ORDER BY c.table_name, c.column_name"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(columns, c => c.Table == "orleansstorage");
        var hits = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var needles = new[] { name, email, name.ToLowerInvariant(), email.ToLowerInvariant() };
            var sql = type == "bytea"
                ? $"SELECT count(*) FROM \"{table}\" WHERE position($1::bytea IN \"{column}\") > 0 OR position($2::bytea IN \"{column}\") > 0 OR position($3::bytea IN \"{column}\") > 0 OR position($4::bytea IN \"{column}\") > 0"
                : $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(\"{column}\"::text), lower($1)) > 0 OR strpos(lower(\"{column}\"::text), lower($2)) > 0";
            await using var command = data.CreateCommand(sql);
            if (type == "bytea")
            {
                foreach (var needle in needles)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = Encoding.UTF8.GetBytes(needle) });
                }
            }
            else
            {
                command.Parameters.Add(new NpgsqlParameter { Value = name });
                command.Parameters.Add(new NpgsqlParameter { Value = email });
            }

            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }
}
