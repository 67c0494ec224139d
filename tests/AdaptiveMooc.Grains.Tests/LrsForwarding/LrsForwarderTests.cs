using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.LrsForwarding;
using AdaptiveMooc.Grains.Statements;
using AdaptiveMooc.Silo.Migrations;
using AdaptiveMooc.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdaptiveMooc.Grains.Tests.LrsForwarding;

/// <summary>
/// The forwarder against a fake outside LRS, on a real PostgreSQL statement log: order per learner,
/// batches, course filter, retries through an outage, dead letters and their retry, 409 as delivered,
/// resuming from the durable cursor, and the horizon that never passes an uncommitted sequence.
/// </summary>
public sealed class LrsForwarderTests : IAsyncLifetime
{
    private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"lrsfwd-{Guid.NewGuid():N}.key");
    private TestDatabase database = null!;
    private PostgresStatementStore statements = null!;
    private LrsForwardingStore store = null!;
    private LrsSecretProtector secrets = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync((db, ct) => new MigrationRunner(db).ApplyAsync(ct));
        statements = new PostgresStatementStore(database.DataSource);
        store = new LrsForwardingStore(database.DataSource);
        secrets = new LrsSecretProtector(Options(new LrsForwardingOptions { KeyPath = keyPath }));
    }

    public async Task DisposeAsync()
    {
        await statements.DisposeAsync();
        await database.DisposeAsync();
        File.Delete(keyPath);
    }

    [Fact]
    public async Task Every_statement_arrives_in_order_per_learner_with_basic_auth_and_a_restarted_forwarder_resumes_from_the_cursor()
    {
        await using var lrs = new FakeLrs();
        var learners = new[] { "ann", "bob", "cid" };
        var sent = new List<StatementRecord>();
        for (var round = 0; round < 15; round++)
        {
            var batch = learners.Select(l => Statement(l, "c1")).ToList();
            await Append(batch);
            sent.AddRange(batch);
        }

        var target = await AddTarget(lrs, null, password: "s3cret:with colon");
        await RunUntil(Forwarder(batchSize: 7), () => lrs.Accepted.Count >= sent.Count);

        Assert.Equal(sent.Select(s => s.Id).ToHashSet(), lrs.Accepted.ToHashSet());
        foreach (var learner in learners)
        {
            Assert.Equal(sent.Where(s => s.LearnerId == learner).Select(s => s.Id), lrs.Accepted.Where(id => sent.First(s => s.Id == id).LearnerId == learner).Distinct());
        }

        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:s3cret:with colon"));
        Assert.All(lrs.Requests, r => Assert.Equal(expectedAuth, r.Authorization));
        Assert.All(lrs.Requests, r => Assert.Equal("1.0.3", r.Version));
        Assert.All(lrs.Requests, r => Assert.InRange(r.Ids.Count, 1, 7));

        // A new forwarder (a restarted silo) starts from the stored cursor: nothing is sent twice, new ones go out.
        var view = (await store.ViewTargetsAsync(target, DateTimeOffset.UtcNow, default)).Single();
        Assert.Equal(sent.Count, view.Progress.Forwarded);
        Assert.Equal(0, view.Progress.Pending);
        var requestsBefore = lrs.Requests.Count;
        var later = Statement("ann", "c1");
        await Append([later]);
        await RunUntil(Forwarder(batchSize: 7), () => lrs.Accepted.Contains(later.Id));
        Assert.Equal(requestsBefore + 1, lrs.Requests.Count);
        Assert.Equal(sent.Count + 1, lrs.Accepted.Count);
    }

    [Fact]
    public async Task Only_statements_of_the_filtered_courses_are_forwarded_and_the_cursor_passes_the_others()
    {
        await using var lrs = new FakeLrs();
        var wanted = new List<StatementRecord>();
        for (var i = 0; i < 10; i++)
        {
            var a = Statement("ann", "course-a");
            var b = Statement("ann", "course-b");
            var none = Statement("ann", null);
            await Append([a, b, none]);
            wanted.Add(a);
        }

        var target = await AddTarget(lrs, ["course-a"]);
        var forwarder = Forwarder(batchSize: 4);
        await RunUntil(forwarder, () => lrs.Accepted.Count >= wanted.Count);
        Assert.Equal(wanted.Select(s => s.Id), lrs.Accepted);
        await RunUntil(forwarder, async () => (await View(target)).Progress.Cursor == await MaxSequence());
    }

    [Fact]
    public async Task An_outage_is_retried_with_backoff_until_the_target_answers_and_nothing_is_dead_lettered()
    {
        await using var lrs = new FakeLrs();
        var records = Enumerable.Range(0, 5).Select(_ => Statement("ann", "c1")).ToList();
        await Append(records);
        var down = true;
        lrs.Answer = _ => down ? 503 : 200;
        var target = await AddTarget(lrs, null);
        var forwarder = Forwarder(batchSize: 100, maxAttempts: 2);
        await RunUntil(forwarder, () => lrs.Requests.Count >= 4);

        var during = await View(target);
        Assert.Empty(lrs.Accepted);
        Assert.Equal(0, during.Progress.DeadLetters);
        Assert.True(during.Progress.FailedAttempts >= 4, $"{during.Progress.FailedAttempts} attempts");
        Assert.Contains("503", during.Progress.LastError, StringComparison.Ordinal);
        Assert.NotNull(during.Progress.NextAttemptAt);
        Assert.Equal(5, during.Progress.Pending);

        down = false;
        await RunUntil(forwarder, () => lrs.Accepted.Count >= 5);
        Assert.Equal(records.Select(r => r.Id), lrs.Accepted);
        var after = await View(target);
        Assert.Equal(0, after.Progress.FailedAttempts);
        Assert.Null(after.Progress.LastError);
    }

    [Fact]
    public async Task A_refused_statement_is_dead_lettered_alone_and_sent_again_when_an_admin_asks()
    {
        await using var lrs = new FakeLrs();
        var records = Enumerable.Range(0, 6).Select(i => Statement(i % 2 == 0 ? "ann" : "bob", "c1")).ToList();
        var poison = records[3];
        await Append(records);
        var refuse = true;
        lrs.Answer = ids => refuse && ids.Contains(poison.Id) ? 400 : 200;
        var target = await AddTarget(lrs, null);
        var forwarder = Forwarder(batchSize: 100);
        await RunUntil(forwarder, async () => (await View(target)).Progress.Cursor == await MaxSequence());

        Assert.Equal(records.Where(r => r != poison).Select(r => r.Id), lrs.Accepted);
        var letter = Assert.Single(await store.DeadLettersAsync(target, 0, 10, default));
        Assert.Equal(poison.Id, letter.StatementId);
        Assert.Equal(400, letter.StatusCode);
        Assert.Equal("bob", letter.LearnerId);
        Assert.Equal(1, (await View(target)).Progress.DeadLetters);

        refuse = false;
        Assert.Equal(1, await store.RequestRetryAsync(target, default));
        await RunUntil(forwarder, () => lrs.Accepted.Contains(poison.Id));
        await RunUntil(forwarder, async () => (await store.DeadLettersAsync(target, 0, 10, default)).Count == 0);
        Assert.Equal(records.Count, (await View(target)).Progress.Forwarded);
    }

    [Fact]
    public async Task A_statement_the_target_keeps_failing_on_is_dead_lettered_after_the_maximum_attempts_and_409_counts_as_delivered()
    {
        await using var lrs = new FakeLrs();
        var records = Enumerable.Range(0, 4).Select(_ => Statement("ann", "c1")).ToList();
        await Append(records);
        lrs.Answer = ids => ids.Contains(records[1].Id) ? 500 : ids.Contains(records[2].Id) ? 409 : 200;
        var target = await AddTarget(lrs, null);
        var forwarder = Forwarder(batchSize: 100, maxAttempts: 3);
        await RunUntil(forwarder, async () => (await View(target)).Progress.Cursor == await MaxSequence());

        var letter = Assert.Single(await store.DeadLettersAsync(target, 0, 10, default));
        Assert.Equal(records[1].Id, letter.StatementId);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(500, letter.StatusCode);
        Assert.Equal(3, lrs.Requests.Count(r => r.Ids.Count == 1 && r.Ids[0] == records[1].Id));
        Assert.Equal([records[0].Id, records[2].Id, records[3].Id], lrs.Accepted.Distinct());
    }

    [Fact]
    public async Task The_horizon_never_passes_a_sequence_whose_transaction_is_still_open()
    {
        var horizon = new StableHorizon(store);
        await using var open = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var early = new NpgsqlCommand(
            """
            SELECT pg_current_xact_id();
            INSERT INTO xapi_statements (id, learner_id, verb, activity_id, ts, stored, content_hash, statement)
            VALUES (gen_random_uuid(), 'ann', 'v', 'a', now(), now(), 'h', '{}')
            """, open, transaction))
        {
            await early.ExecuteNonQueryAsync();
        }

        // A later sequence commits first (another silo's writer).
        await Append([Statement("bob", "c1")]);
        var committed = await MaxSequence();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await horizon.ObserveAsync(default) < committed - 1);
        }

        await transaction.CommitAsync();
        // Transaction ids are cluster-wide: other tests' transactions still open at an observation keep it pending
        // until they end, so the horizon may need a few rounds (each a moment apart) to reach the committed end.
        var stable = 0L;
        for (var i = 0; i < 200 && stable < committed; i++)
        {
            stable = await horizon.ObserveAsync(default);
            if (stable < committed)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(committed, stable);
    }

    private static IOptions<LrsForwardingOptions> Options(LrsForwardingOptions options) => Microsoft.Extensions.Options.Options.Create(options);

    private LrsForwarder Forwarder(int batchSize, int maxAttempts = 8) => new(
        store, secrets, new HttpClient(), TimeProvider.System,
        Options(new LrsForwardingOptions
        {
            BatchSize = batchSize,
            MaxAttempts = maxAttempts,
            FirstRetry = TimeSpan.FromMilliseconds(20),
            LongestRetry = TimeSpan.FromMilliseconds(100),
            Timeout = TimeSpan.FromSeconds(10),
            KeyPath = keyPath,
        }),
        NullLogger<LrsForwarder>.Instance);

    private async Task<Guid> AddTarget(FakeLrs lrs, string[]? courses, string password = "pw")
    {
        var id = Guid.CreateVersion7();
        await store.AddTargetAsync(id, lrs.Endpoint, "user", secrets.Protect(id, password), courses, DateTimeOffset.UtcNow, "admin", default);
        return id;
    }

    private async Task<Abstractions.LrsForwarding.LrsForwardingTarget> View(Guid target) =>
        (await store.ViewTargetsAsync(target, DateTimeOffset.UtcNow, default)).Single();

    private async Task<long> MaxSequence()
    {
        await using var command = database.DataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM xapi_statements");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task RunUntil(LrsForwarder forwarder, Func<bool> done) => RunUntil(forwarder, () => Task.FromResult(done()));

    /// <summary>Forwarding rounds as the service runs them, until <paramref name="done"/> (fails after 30 s).</summary>
    private async Task RunUntil(LrsForwarder forwarder, Func<Task<bool>> done)
    {
        var horizon = new StableHorizon(store);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "forwarding did not get there within 30 s");
            var stable = await horizon.ObserveAsync(default);
            if (!await forwarder.ForwardAsync(await store.TargetsAsync(default), stable, default))
            {
                await Task.Delay(20);
            }
        }
    }

    private async Task Append(IReadOnlyList<StatementRecord> records) =>
        Assert.Equal(IngestStatus.Stored, (await statements.AppendAsync(records, DateTimeOffset.UtcNow, default)).Status);

    private static StatementRecord Statement(string learner, string? course)
    {
        var id = Guid.NewGuid();
        var activity = course is null ? "https://elsewhere.example/a" : $"http://127.0.0.1:5080/courses/{course}/lessons/l1";
        var json = $$$"""{"id":"{{{id}}}","actor":{"account":{"homePage":"http://127.0.0.1:5080","name":"{{{learner}}}"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"{{{activity}}}"}}""";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new StatementRecord(id, learner, "http://adlnet.gov/expapi/verbs/experienced", activity, DateTimeOffset.UtcNow, json, hash, course, course is null ? null : "l1", null, null, null, null, null);
    }
}
