using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Replays one OULAD presentation into the platform through its public HTTP API: the course, its
/// learners (registered, enrolled on their registration day, withdrawn on their unregistration day)
/// and their statements, in two phases split at the validation cut-off day, so the at-risk list can be
/// asked for "as of day c" while the platform has seen nothing later, as it would have been live.
/// </summary>
internal sealed class OuladImporter(ImportOptions options, TextWriter log)
{
    private readonly ConcurrentDictionary<string, bool> withdrawnAlready = new(StringComparer.Ordinal);

    public async Task<ImportSummary> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        log.WriteLine($"import: reading {options.Presentation} from {options.Directory}");
        var plan = await ImportPlan.BuildAsync(options.Directory, options.Presentation, cancellationToken);
        var p = plan.Presentation;
        var calendar = new ImportCalendar(p);
        var lastAsOf = calendar.AsOfDay(plan.LastDay + 1);
        if (lastAsOf > DateTimeOffset.UtcNow)
        {
            throw new InvalidOperationException($"{p.Key} ends on {lastAsOf:yyyy-MM-dd}, in the future: the platform refuses future statements.");
        }

        log.WriteLine(
            $"import: {p.CourseId}: {plan.Resources.Count} resources, {plan.Assessments.Count} assessments, {plan.Learners.Count} registrations, "
            + $"{plan.Statements.Length} statements ({plan.Skips.ClickRows} click rows, {plan.Skips.MergedClickRows} merged into same-day rows, "
            + $"{plan.Skips.UnregisteredClickRows} of unregistered students; {plan.Skips.BankedSubmissions} banked submissions left out)");

        using var api = new PlatformApi(options.Api, options.ApiKey, log);
        await EnsureCourseAsync(api, CourseMapper.Build(plan), options.Owner, options.OwnerPassword, log, cancellationToken);
        await EnsureLearnersAsync(api, plan, cancellationToken);

        var cutoff = options.Validate ? options.CutoffDay : plan.LastDay + 1;
        var split = options.Validate ? plan.FirstStatementOnOrAfter(cutoff) : plan.Statements.Length;
        var writer = new StatementWriter(p, options.PublicBase);

        // Phase 1: everything dated before the cut-off.
        await WithdrawAsync(api, plan, calendar, l => l.WithdrawnDay < cutoff, cancellationToken);
        var posting = Stopwatch.StartNew();
        await PostStatementsAsync(api, writer, plan.Statements.AsMemory(0, split), cancellationToken);
        posting.Stop();

        RiskValidation? validation = null;
        if (options.Validate)
        {
            var asOf = calendar.AsOfDay(cutoff);
            await WaitForAnalyticsAsync(api, plan, calendar, cutoff, cancellationToken);
            validation = await RiskValidation.RunAsync(api, plan, cutoff, asOf, log, cancellationToken);
        }

        // Phase 2: the rest of the presentation.
        await WithdrawAsync(api, plan, calendar, l => l.WithdrawnDay >= cutoff, cancellationToken);
        posting.Start();
        await PostStatementsAsync(api, writer, plan.Statements.AsMemory(split), cancellationToken);
        posting.Stop();
        var lastPosted = Stopwatch.StartNew();
        var caughtUp = await WaitForAnalyticsAsync(api, plan, calendar, plan.LastDay + 1, cancellationToken);
        var catchUp = lastPosted.Elapsed;

        var platform = await PlatformFigures.ReadAsync(api, p.CourseId, lastAsOf, cancellationToken);
        var files = OuladFigures.From(plan);
        return new ImportSummary(
            p.CourseId, plan.Learners.Count, plan.Statements.Length, posting.Elapsed,
            plan.Statements.Length / Math.Max(posting.Elapsed.TotalSeconds, 1e-9), caughtUp, catchUp, total.Elapsed, api.Retries,
            plan.Skips, validation, platform, files);
    }

    /// <summary>
    /// Creates the course (owned by <paramref name="owner"/>, a trainer, when given; the trainer is created
    /// first with <paramref name="ownerPassword"/> unless it exists), or updates its definition on a rerun,
    /// and publishes it.
    /// </summary>
    public static async Task EnsureCourseAsync(
        PlatformApi api, JsonObject course, string? owner, string? ownerPassword, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(log);
        var courseId = (string)course["id"]!;
        if (owner is not null)
        {
            var trainer = await api.PostAsync("/api/trainers", new JsonObject
            {
                ["id"] = owner,
                ["name"] = owner,
                ["email"] = $"{owner}@example.org",
                ["password"] = ownerPassword ?? throw new ArgumentException("A course owner needs a password to be created with.", nameof(ownerPassword)),
            }, cancellationToken);
            if (trainer.Status != HttpStatusCode.Conflict)
            {
                trainer.Expect("POST /api/trainers");
                log.WriteLine($"import: created trainer {owner}");
            }
        }

        var body = (JsonObject)course.DeepClone();
        if (owner is not null)
        {
            body["ownerTrainerId"] = owner;
        }

        var created = await api.PostAsync("/api/courses", body, cancellationToken);
        if (created.Status == HttpStatusCode.Conflict)
        {
            // A rerun: the same definition again (a no-op when nothing changed); the owner stays who it was.
            (await api.PutAsync($"/api/courses/{courseId}", course, cancellationToken)).Expect($"PUT /api/courses/{courseId}");
            log.WriteLine($"import: course {courseId} already exists; definition updated");
        }
        else
        {
            created.Expect("POST /api/courses");
            log.WriteLine($"import: created course {courseId}{(owner is null ? string.Empty : $", owned by {owner}")}");
        }

        (await api.PostAsync($"/api/courses/{courseId}/publish", new JsonObject(), cancellationToken))
            .Expect($"POST /api/courses/{courseId}/publish", HttpStatusCode.Conflict);
    }

    private async Task EnsureLearnersAsync(PlatformApi api, ImportPlan plan, CancellationToken cancellationToken)
    {
        var courseId = plan.Presentation.CourseId;
        var calendar = new ImportCalendar(plan.Presentation);

        // Nobody logs in as an imported student unless a password was given (the demo does, for one login).
        var password = options.LearnerPassword ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            plan.Learners,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency * 2), CancellationToken = cancellationToken },
            async (learner, ct) =>
            {
                var id = learner.LearnerId;

                // Registration hashes a password (costly by design), so a learner who exists already (a rerun,
                // or the same student in another presentation) is looked up first. Enrolling again after a
                // withdrawal would re-open the enrolment, so an existing enrolment is left as it is.
                var enrol = true;
                var enrolments = await api.GetAsync($"/api/learners/{id}/enrollments?limit=500", ct);
                if (enrolments.Status == HttpStatusCode.NotFound)
                {
                    var registered = await api.PostAsync("/api/learners", LearnerRequests.Registration(learner, password), ct);
                    registered.Expect($"POST /api/learners ({id})", HttpStatusCode.Conflict);
                }
                else
                {
                    var existing = enrolments.Expect($"GET enrolments of {id}").Json()?["items"]?.AsArray()
                        .FirstOrDefault(e => (string?)e?["courseId"] == courseId);
                    if (existing is not null)
                    {
                        enrol = false;
                        withdrawnAlready[id] = existing["withdrawnAt"] is not null;
                    }
                }

                if (enrol)
                {
                    var body = LearnerRequests.Enrolment(plan, learner, calendar.Enrolment(learner.EnrolledDay));
                    (await api.PostAsync($"/api/learners/{id}/enrollments", body, ct)).Expect($"POST enrolment of {id}", HttpStatusCode.Conflict);
                }

                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    log.WriteLine($"  {done}/{plan.Learners.Count} learners registered and enrolled");
                }
            });
        log.WriteLine($"import: {plan.Learners.Count} learners registered and enrolled in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task WithdrawAsync(PlatformApi api, ImportPlan plan, ImportCalendar calendar, Func<ImportLearner, bool> which, CancellationToken cancellationToken)
    {
        var courseId = plan.Presentation.CourseId;
        var due = plan.Learners.Where(l => l.WithdrawnDay is not null && which(l) && !withdrawnAlready.GetValueOrDefault(l.LearnerId)).ToList();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency * 2), CancellationToken = cancellationToken },
            async (learner, ct) =>
            {
                (await api.PostAsync($"/api/learners/{learner.LearnerId}/enrollments/{courseId}/withdrawal", LearnerRequests.Withdrawal(calendar.Withdrawal(learner.WithdrawnDay!.Value)), ct)).Expect($"POST withdrawal of {learner.LearnerId}", HttpStatusCode.Conflict);
            });
        if (due.Count > 0)
        {
            log.WriteLine($"import: {due.Count} withdrawals recorded");
        }
    }

    private async Task PostStatementsAsync(PlatformApi api, StatementWriter writer, ReadOnlyMemory<ImportStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.IsEmpty)
        {
            return;
        }

        var batches = (statements.Length + options.BatchSize - 1) / options.BatchSize;
        long posted = 0;
        var stopwatch = Stopwatch.StartNew();
        using var progress = new Timer(
            _ => log.WriteLine($"  {Interlocked.Read(ref posted)}/{statements.Length} statements, {Interlocked.Read(ref posted) / stopwatch.Elapsed.TotalSeconds:F0}/s"),
            null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (b, ct) =>
            {
                var start = b * options.BatchSize;
                var slice = statements.Slice(start, Math.Min(options.BatchSize, statements.Length - start));
                var body = writer.Write(slice.Span);
                (await api.SendAsync(HttpMethod.Post, "/xapi/statements", body, ct)).Expect("POST /xapi/statements");
                Interlocked.Add(ref posted, slice.Length);
            });
        log.WriteLine($"import: {statements.Length} statements posted in {stopwatch.Elapsed.TotalSeconds:F1} s ({statements.Length / stopwatch.Elapsed.TotalSeconds:F0}/s)");
    }

    /// <summary>
    /// Waits until the learner table as of day <paramref name="day"/> shows, for every learner, the last
    /// activity and the number of active days the posted statements imply: ingestion answers once the
    /// statements are durable, and analytics follow from the learner grains shortly after.
    /// </summary>
    private Task<bool> WaitForAnalyticsAsync(PlatformApi api, ImportPlan plan, ImportCalendar calendar, int day, CancellationToken cancellationToken) =>
        WaitForAnalyticsAsync(api, plan, calendar, day, options.AnalyticsWait ?? TimeSpan.FromMinutes(10), log, cancellationToken);

    /// <inheritdoc cref="WaitForAnalyticsAsync(PlatformApi, ImportPlan, ImportCalendar, int, CancellationToken)"/>
    public static async Task<bool> WaitForAnalyticsAsync(
        PlatformApi api, ImportPlan plan, ImportCalendar calendar, int day, TimeSpan wait, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(log);
        var expected = AnalyticsExpectation.Of(plan, calendar, day);
        var asOf = Uri.EscapeDataString(calendar.AsOfDay(day).ToString("O", CultureInfo.InvariantCulture));
        var path = $"/api/courses/{plan.Presentation.CourseId}/analytics/learners.csv?asOf={asOf}";
        var stopwatch = Stopwatch.StartNew();
        var mismatches = int.MaxValue;
        while (stopwatch.Elapsed < wait)
        {
            // The table pages (500 rows a page): one CSV of every page, header once.
            var csv = new StringBuilder();
            for (string? page = path; page is not null;)
            {
                var answer = (await api.GetAsync(page, cancellationToken)).Expect("GET learners.csv");
                csv.Append(csv.Length == 0 ? answer.Body : answer.Body[(answer.Body.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
                page = answer.Next;
            }

            mismatches = expected.Mismatches(csv.ToString());
            if (mismatches == 0)
            {
                log.WriteLine($"import: analytics as of day {day} reflect every statement ({stopwatch.Elapsed.TotalSeconds:F1} s after the last answer)");
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        log.WriteLine($"import: WARNING analytics as of day {day} still differ for {mismatches} learners after {wait.TotalSeconds:F0} s");
        return false;
    }
}
