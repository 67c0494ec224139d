using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Statements;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Builds a learner's data export in the background. The request is written (with a reminder) before it is
/// answered; a timer starts the build at once, and the reminder starts it again if the silo died meanwhile.
/// Only the latest <see cref="Kept"/> exports are listed; older archives are deleted with the account.
/// </summary>
[GrainType("data-export")]
internal sealed class DataExportGrain(
    [PersistentState("data-export", StorageNames.Default)] IPersistentState<DataExportState> state,
    IExportStore exports,
    IMailOutbox outbox,
    IStatementStore statements,
    TimeProvider clock) : Grain, IDataExportGrain, IRemindable
{
    private const int Kept = 5;
    private const string RetryReminder = "export";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IGrainTimer? kick;

    private string LearnerId => this.GetPrimaryKeyString();

    public async Task<ExportJob> Request()
    {
        if (state.State.Jobs.FirstOrDefault(j => j.Status == "pending") is { } pending)
        {
            return pending;
        }

        var job = new ExportJob(Guid.NewGuid(), "pending", clock.GetUtcNow(), null, null, null);
        state.State.Jobs.Insert(0, job);
        if (state.State.Jobs.Count > Kept)
        {
            state.State.Jobs.RemoveRange(Kept, state.State.Jobs.Count - Kept);
        }

        await this.RegisterOrUpdateReminder(RetryReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await state.WriteStateAsync();
        kick ??= this.RegisterGrainTimer(_ => BuildPending(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return job;
    }

    public Task<ExportJob?> Get(Guid id) => Task.FromResult(state.State.Jobs.FirstOrDefault(j => j.Id == id));

    public async Task<byte[]?> GetArchive(Guid id) =>
        state.State.Jobs.Any(j => j.Id == id && j.Status == "ready") ? await exports.LoadAsync(LearnerId, id, CancellationToken.None) : null;

    public async Task EraseAll()
    {
        await exports.DeleteAllAsync(LearnerId, CancellationToken.None);
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => BuildPending();

    private async Task BuildPending()
    {
        kick?.Dispose();
        kick = null;
        foreach (var job in state.State.Jobs.Where(j => j.Status == "pending").ToList())
        {
            ExportJob done;
            try
            {
                var archive = await BuildArchive();
                await exports.SaveAsync(LearnerId, job.Id, archive, clock.GetUtcNow(), CancellationToken.None);
                done = job with { Status = "ready", ReadyAt = clock.GetUtcNow(), Bytes = archive.LongLength };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                done = job with { Status = "failed", Error = e.GetType().Name };
            }

            var index = state.State.Jobs.FindIndex(j => j.Id == job.Id);
            if (index >= 0)
            {
                state.State.Jobs[index] = done;
            }
        }

        await state.WriteStateAsync();
        if (state.State.Jobs.All(j => j.Status != "pending") && await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<byte[]> BuildArchive()
    {
        var learner = GrainFactory.ByKey<ILearnerGrain>(LearnerId);
        var profile = await learner.GetProfile() ?? throw new InvalidOperationException("The learner does not exist.");
        var account = await learner.GetAccount();
        var enrolments = await learner.GetEnrolments();
        var progress = new List<JsonNode?>();
        foreach (var enrolment in enrolments)
        {
            if (await learner.GetProgress(enrolment.CourseId) is { } p)
            {
                progress.Add(Node(p));
            }
        }

        var statementRows = new List<JsonNode?>();
        for (long after = 0; ;)
        {
            var page = await statements.ReadLearnerAsync(LearnerId, after, 1000, CancellationToken.None);
            foreach (var stored in page)
            {
                statementRows.Add(new JsonObject
                {
                    ["id"] = stored.Statement.Id.ToString("D"),
                    ["stored"] = stored.Stored,
                    ["timestamp"] = stored.Statement.Timestamp,
                    ["verb"] = stored.Statement.Verb,
                    ["activityId"] = stored.Statement.ActivityId,
                    ["courseId"] = stored.Statement.CourseId,
                    ["lessonId"] = stored.Statement.LessonId,
                    ["statement"] = JsonNode.Parse(stored.Statement.Json),
                });
            }

            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        var plan = await GrainFactory.ByKey<ILearnerPlanGrain>(LearnerId).GetPlan(12);
        var notifications = await GrainFactory.ByKey<INotificationInboxGrain>(LearnerId).List(INotificationInboxGrain.Capacity, null);
        var certificates = new List<JsonNode?>();
        foreach (var reference in await GrainFactory.ByKey<ILearnerCertificatesGrain>(LearnerId).ListAsync())
        {
            certificates.Add(Node(reference));
        }

        // Orders (with their payment events and references) and every access source: orders, vouchers redeemed, grants.
        var purchases = GrainFactory.ByKey<ILearnerPurchasesGrain>(LearnerId);
        var orders = new List<JsonNode?>();
        foreach (var orderId in await purchases.GetOrderIds())
        {
            if (await GrainFactory.ByKey<IOrderGrain>(orderId).Get() is { } order && order.Request.LearnerId == LearnerId)
            {
                orders.Add(Node(order));
            }
        }

        var access = new List<JsonNode?>();
        foreach (var courseId in await purchases.GetCourseIds())
        {
            foreach (var source in await GrainFactory.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(LearnerId, courseId)).GetSources())
            {
                access.Add(Node(new
                {
                    courseId, source.Id, source.Kind, source.GrantedAt, source.GrantedBy, source.WithdrawnAt, source.WithdrawalReason, source.Active,
                }));
            }
        }

        var mails = await outbox.ListAccountAsync(EmailOwner.Learner, LearnerId, CancellationToken.None);
        var preferences = await GrainFactory.ByKey<IMailPreferencesGrain>(AccountKeys.Of(EmailOwner.Learner, LearnerId)).GetOptedOut();
        var sections = new List<(string, IReadOnlyList<JsonNode?>)>
        {
            ("profile", [new JsonObject
            {
                ["id"] = profile.Id,
                ["name"] = profile.Name,
                ["email"] = profile.Email,
                ["emailVerified"] = account?.EmailVerified,
                ["timeZone"] = profile.TimeZone,
                ["weeklyAvailability"] = Node(profile.WeeklyAvailability),
                ["registeredAt"] = profile.RegisteredAt,
                ["mailOptedOut"] = Node(preferences),
            }]),
            ("enrolments", [.. enrolments.Select(e => Node(e))]),
            ("statements", statementRows),
            ("progress", progress),
            ("plan-sessions", plan is null ? [] : [.. plan.Sessions.Select(s => Node(s))]),
            ("plan-courses", plan is null ? [] : [.. plan.Courses.Select(c => Node(c))]),
            ("notifications", [.. notifications.Select(n => Node(n))]),
            ("certificates", certificates),
            ("orders", orders),
            ("course-access", access),
            ("mails", [.. mails.Select(m => Node(new { m.Id, m.Category, m.Subject, m.CreatedAt, m.SentAt, m.ToAddress }))]),
        };
        foreach (var (table, rows) in await exports.ReadRowsAsync(LearnerId, CancellationToken.None))
        {
            sections.Add((table.Replace('_', '-'), [.. rows.Select(r => JsonNode.Parse(r))]));
        }

        return ExportArchive.Build(sections, clock.GetUtcNow());
    }

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json);
}

[GenerateSerializer]
[Alias("mooc.accounts.DataExportState")]
internal sealed class DataExportState
{
    [Id(0)] public List<ExportJob> Jobs { get; set; } = [];
}
