using AdaptiveMooc.Grains.Accounts;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Grains.Tests.Accounts;

/// <summary>
/// The durable outbox on a real PostgreSQL: one row per event, a claimed mail is nobody else's during its lease,
/// a sender that dies before marking it sent leaves it to be sent again under the same Message-Id, and a sent
/// mail is never taken again.
/// </summary>
public sealed class MailOutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static Task<TestDatabase> DatabaseAsync() => TestDatabase.CreateAsync(async (data, ct) =>
    {
        await using var command = data.CreateCommand(await File.ReadAllTextAsync(Migration("0075_accounts_mail.sql"), ct));
        await command.ExecuteNonQueryAsync(ct);
    });

    private static OutboxMail Mail(string key, DateTimeOffset at) => new(
        MailerGrain.IdOf(key), key, "learner", "ada", "ada@example.org", "Ada", "reminders", "Study session coming up", "Body", null, at, 0, null);

    [Fact]
    public async Task One_event_is_one_row_whoever_queues_it()
    {
        await using var database = await DatabaseAsync();
        var outbox = new PostgresMailOutbox(database.DataSource);
        Assert.True(await outbox.EnqueueAsync(Mail("notification:ada:1", T0), CancellationToken.None));
        Assert.False(await outbox.EnqueueAsync(Mail("notification:ada:1", T0.AddSeconds(5)), CancellationToken.None));
        Assert.Single(await outbox.ListAccountAsync("learner", "ada", CancellationToken.None));
        Assert.Equal(MailerGrain.IdOf("notification:ada:1"), MailerGrain.IdOf("notification:ada:1"));
        Assert.NotEqual(MailerGrain.IdOf("notification:ada:1"), MailerGrain.IdOf("notification:ada:2"));
    }

    [Fact]
    public async Task A_sender_that_dies_before_the_sent_mark_leaves_the_mail_to_be_sent_again_with_the_same_message_id()
    {
        await using var database = await DatabaseAsync();
        var outbox = new PostgresMailOutbox(database.DataSource);
        await outbox.EnqueueAsync(Mail("reset:abc", T0), CancellationToken.None);
        var options = new MailOptions();

        var first = Assert.Single(await outbox.ClaimAsync(10, Lease, T0, CancellationToken.None));
        Assert.Empty(await outbox.ClaimAsync(10, Lease, T0.AddMinutes(1), CancellationToken.None));

        // The first sender sent it and died before MarkSentAsync: after the lease another takes it again.
        var again = Assert.Single(await outbox.ClaimAsync(10, Lease, T0.AddMinutes(3), CancellationToken.None));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(MailDispatcher.ToMessage(first, options).MessageId, MailDispatcher.ToMessage(again, options).MessageId);

        await outbox.MarkSentAsync(again.Id, T0.AddMinutes(3), CancellationToken.None);
        Assert.Empty(await outbox.ClaimAsync(10, Lease, T0.AddHours(1), CancellationToken.None));
        var sent = Assert.Single(await outbox.ListAccountAsync("learner", "ada", CancellationToken.None));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task Concurrent_dispatchers_never_take_the_same_mail()
    {
        await using var database = await DatabaseAsync();
        var outbox = new PostgresMailOutbox(database.DataSource);
        for (var i = 0; i < 60; i++)
        {
            await outbox.EnqueueAsync(Mail($"notification:ada:{i}", T0), CancellationToken.None);
        }

        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while ((await outbox.ClaimAsync(4, Lease, T0, CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.Id));
            }

            return mine;
        })));

        var claimed = rounds.SelectMany(r => r).ToList();
        Assert.Equal(60, claimed.Count);
        Assert.Equal(60, claimed.Distinct().Count());
    }

    [Fact]
    public async Task Failures_retry_later_and_erasure_keeps_no_personal_data()
    {
        await using var database = await DatabaseAsync();
        var outbox = new PostgresMailOutbox(database.DataSource);
        await outbox.EnqueueAsync(Mail("notification:ada:sent", T0), CancellationToken.None);
        await outbox.EnqueueAsync(Mail("notification:ada:failing", T0.AddSeconds(1)), CancellationToken.None);
        var claimed = await outbox.ClaimAsync(10, Lease, T0.AddSeconds(2), CancellationToken.None);
        await outbox.MarkSentAsync(claimed[0].Id, T0.AddSeconds(3), CancellationToken.None);
        await outbox.MarkFailedAsync(claimed[1].Id, "connection refused", T0.AddMinutes(5), T0.AddSeconds(3), CancellationToken.None);
        Assert.Empty(await outbox.ClaimAsync(10, Lease, T0.AddMinutes(4), CancellationToken.None));
        Assert.Equal(claimed[1].Id, Assert.Single(await outbox.ClaimAsync(10, Lease, T0.AddMinutes(5), CancellationToken.None)).Id);

        await outbox.EraseAccountAsync("learner", "ada", CancellationToken.None);
        var left = Assert.Single(await outbox.ListAccountAsync("learner", "ada", CancellationToken.None));
        Assert.Equal(claimed[0].Id, left.Id);
        Assert.Equal(string.Empty, left.ToAddress);
        Assert.Equal(string.Empty, left.ToName);
        Assert.Equal(string.Empty, left.Body);
    }

    private static string Migration(string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "silo", "AdaptiveMooc.Silo", "Migrations", file);
    }
}
