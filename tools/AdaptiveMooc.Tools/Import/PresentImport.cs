using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Places a presentation in the present: day 0 becomes the date that makes today course day N (the
/// course <c>startDate</c>, and with it every due day, moves with it), and only what happened up to now
/// is posted: enrolments, statements and withdrawals, each at its shifted instant. With <c>--live</c>
/// the rest follows as real time passes (<see cref="Replayer"/>). The shift and the progress live in
/// a state file: running the same command again resumes instead of shifting anew. Progress goes to
/// <c>log</c>, the summary (a line and a JSON line) to <c>output</c>.
/// </summary>
internal sealed class PresentImport(ImportOptions options, PresentOptions present, TextWriter log, TextWriter output, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        log.WriteLine($"import: reading {options.Presentation} from {options.Directory}");
        var plan = await ImportPlan.BuildAsync(options.Directory, options.Presentation, cancellationToken);
        var p = plan.Presentation;
        var now = time.GetUtcNow();
        var state = await ReplayState.LoadAsync(present.StateFile, cancellationToken);
        var fresh = state is null;
        if (state is null)
        {
            state = new ReplayState(p.Key, p.CourseId, ImportCalendar.Today(now, present.TodayIsDay).Start, [], 0);
        }
        else if (state.Presentation != p.Key || state.CourseId != p.CourseId)
        {
            throw new ArgumentException($"{present.StateFile} replays {state.Presentation}, not {p.Key}: give another --state file.");
        }

        var clock = new ReplayClock(state.Segments).At(now, present.Speed);
        state = state with { Segments = clock.Segments };
        await state.SaveAsync(present.StateFile, cancellationToken);
        var calendar = new ImportCalendar(state.Start);
        var today = calendar.DayOf(clock.CourseNow(now));
        log.WriteLine(fresh
            ? $"import: {p.Key} placed in the present: today is course day {today}, day 0 is {calendar.StartDate:yyyy-MM-dd} (state: {present.StateFile})"
            : $"import: resuming {p.Key} from {present.StateFile}: course day {today} reached, day 0 is {calendar.StartDate:yyyy-MM-dd}, {state.Done} events posted before");

        using var api = new PlatformApi(options.Api, options.ApiKey, log);
        await OuladImporter.EnsureCourseAsync(api, CourseMapper.Build(plan, calendar), options.Owner, options.OwnerPassword, log, cancellationToken);
        if (state.Done == 0)
        {
            await RegisterAsync(api, plan, cancellationToken);
        }

        var replayer = new Replayer(
            plan, state, new PlatformReplayTarget(api, plan, new StatementWriter(p, options.PublicBase, calendar), Math.Max(1, options.Concurrency * 2)),
            (s, ct) => s.SaveAsync(present.StateFile, ct), time, (delay, ct) => Task.Delay(delay, time, ct),
            options.BatchSize, options.Concurrency, log);
        var posting = Stopwatch.StartNew();
        var posted = await replayer.CatchUpAsync(cancellationToken);
        log.WriteLine($"import: {posted} events posted in {posting.Elapsed.TotalSeconds:F1} s ({replayer.State.Done} of {replayer.Events} up to now)");

        // The first run's statements carry their shifted instants unchanged (the replay clock starts now),
        // so the learner table as of today 00:00 must show exactly the statements dated before today.
        if (fresh && today >= 0)
        {
            await OuladImporter.WaitForAnalyticsAsync(
                api, plan, calendar, Math.Min(today, plan.LastDay + 1), options.AnalyticsWait ?? TimeSpan.FromMinutes(10), log, cancellationToken);
        }

        if (present.DemoLearnerFile is { } file && !File.Exists(file))
        {
            await NameDemoLearnerAsync(api, plan, today, file, cancellationToken);
        }

        var figures = await PlatformFigures.ReadAsync(api, p.CourseId, time.GetUtcNow(), cancellationToken);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"course {p.CourseId}: today is course day {today} of {p.LengthDays} (day 0 = {calendar.StartDate:yyyy-MM-dd}); {replayer.State.Done} of {replayer.Events} events posted; now: {figures.Enrolled} enrolled, {figures.Active7d} active in the last 7 days, {figures.Withdrawn} withdrawn"));
        output.WriteLine(JsonSerializer.Serialize(
            new
            {
                import = "oulad",
                courseId = p.CourseId,
                todayIsDay = today,
                startDate = calendar.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                eventsPosted = replayer.State.Done,
                events = replayer.Events,
                totalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1),
                platform = figures,
            },
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        if (present.Live)
        {
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"replay: live at {present.Speed:G4} course day(s) per real day; next event at {replayer.NextDue?.ToString("u", CultureInfo.InvariantCulture) ?? "none (the presentation is over)"}"));
            try
            {
                await ReplayUntilStoppedAsync(replayer, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                log.WriteLine($"replay: stopped at {replayer.State.Done} of {replayer.Events} events (state: {present.StateFile})");
            }
        }

        return 0;
    }

    /// <summary>
    /// A live replay runs beside the platform until it is stopped: a failed chunk (the API restarting, an
    /// answer it did not expect) is logged and tried again a minute later, and once the presentation is
    /// over the process stays, idle, so that whoever started it sees it end only when they stop it.
    /// </summary>
    private async Task ReplayUntilStoppedAsync(Replayer replayer, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await replayer.RunLiveAsync(cancellationToken);
                break;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                log.WriteLine($"replay: {exception.Message}; trying again in a minute from event {replayer.State.Done}");
                await Task.Delay(TimeSpan.FromMinutes(1), time, cancellationToken);
            }
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
    }

    /// <summary>Every learner's account (their enrolments come with the timeline); one that exists is left as it is.</summary>
    private async Task RegisterAsync(PlatformApi api, ImportPlan plan, CancellationToken cancellationToken)
    {
        // Nobody logs in as an imported student unless a password was given (the demo does).
        var password = options.LearnerPassword ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            plan.Learners,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency * 2), CancellationToken = cancellationToken },
            async (learner, ct) =>
            {
                // Registration hashes a password (costly by design): look first.
                if ((await api.GetAsync($"/api/learners/{learner.LearnerId}", ct)).Status == System.Net.HttpStatusCode.NotFound)
                {
                    (await api.PostAsync("/api/learners", LearnerRequests.Registration(learner, password), ct))
                        .Expect($"POST /api/learners ({learner.LearnerId})", System.Net.HttpStatusCode.Conflict);
                }
            });
        log.WriteLine($"import: {plan.Learners.Count} learners registered in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task NameDemoLearnerAsync(PlatformApi api, ImportPlan plan, int today, string file, CancellationToken cancellationToken)
    {
        if (DemoLearner.Choose(plan, today) is not { } learner)
        {
            log.WriteLine($"import: no student of {plan.Presentation.Key} fits as the demo learner on day {today}");
            return;
        }

        await DemoLearner.DeclareAsync(api, learner, cancellationToken);

        // Asking for the plan once starts its watch (the reminder behind session and inactivity notices).
        var sessions = (await api.GetAsync($"/api/learners/{learner.LearnerId}/courses/{plan.Presentation.CourseId}/plan", cancellationToken))
            .Expect($"GET plan of {learner.LearnerId}").Json()?["sessions"]?.AsArray().Count ?? 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, learner.LearnerId + "\n", cancellationToken);
        log.WriteLine($"import: demo learner {DemoLearner.Describe(plan, learner)}, {sessions} planned sessions, named in {file}");
    }
}
