using AdaptiveMooc.Tools.Import;

namespace AdaptiveMooc.Tools.Tests;

/// <summary>The live replay: the following days posted as (manual) time passes, and a restart that posts nothing twice.</summary>
public sealed class ReplayerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 13, 0, 0, TimeSpan.Zero);

    private OuladFolder? folder;
    private string? stateDirectory;

    private OuladFolder Folder => folder!;

    private string StateFile => Path.Combine(stateDirectory!, "ZZZ-2013J.json");

    public async Task InitializeAsync()
    {
        folder = await OuladFolder.CreateAsync();
        stateDirectory = Directory.CreateTempSubdirectory("replay-state-").FullName;
    }

    public Task DisposeAsync()
    {
        folder?.Dispose();
        Directory.Delete(stateDirectory!, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_live_replay_posts_the_following_days_as_time_passes_at_its_speed()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var calendar = ImportCalendar.Today(Now, 19);
        var time = new ManualTime(Now);
        var target = new RecordingTarget(time, new StatementWriter(plan.Presentation, "http://platform.test", calendar));

        // One course day per real hour.
        var replayer = await Start(plan, calendar, time, target, speed: 24);
        await replayer.CatchUpAsync(CancellationToken.None);
        var atOnce = target.Statements.Count;
        time.Now = Now.AddHours(1);
        await replayer.CatchUpAsync(CancellationToken.None);

        // An hour later it is 13:00 on day 20: day 19's submission (18:00) has come, day 20's activity (12:00) too.
        Assert.Equal(plan.Statements.Count(s => s.Day < 19), atOnce);
        Assert.Equal(plan.Statements.Count(s => s.Day <= 20), target.Statements.Count);
        var submission = Assert.Single(target.Statements, s => s.Statement is { Day: 19, IsSubmission: true });
        Assert.Equal(Now.AddMinutes(5 * 60 / 24.0), submission.Timestamp);

        await replayer.RunLiveAsync(CancellationToken.None);

        // To the end of the presentation, in order, each posted once and never before its time.
        Assert.True(replayer.Finished);
        Assert.Equal(plan.Statements.Select(s => new StatementWriter(plan.Presentation, "http://platform.test").IdOf(s)), target.Statements.Select(s => s.Id));
        Assert.True(target.Statements.Zip(target.Statements.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        Assert.Equal(["oulad-1", "oulad-2", "oulad-3", "oulad-4", "oulad-5"], target.Enrolments.Select(e => e.LearnerId).Order(StringComparer.Ordinal));
        Assert.Equal(["oulad-2", "oulad-5"], target.Withdrawals.Select(w => w.LearnerId));
        var enrolment4 = target.Enrolments.Single(e => e.LearnerId == "oulad-4").At;
        Assert.Equal(Now + ((calendar.Enrolment(35) - Now) / 24), enrolment4);
        var lastDay = plan.Statements.Max(s => s.Day);
        Assert.True(time.Now >= Now + ((calendar.Withdrawal(40) - Now) / 24), "the replay waited for the last withdrawal");
        Assert.True(time.Now < Now + TimeSpan.FromHours(lastDay + 2 - 19), "it slept no longer than needed");
    }

    [Fact]
    public async Task A_replay_stopped_between_chunks_resumes_without_posting_anything_twice()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var calendar = ImportCalendar.Today(Now, 3);
        var time = new ManualTime(Now);
        var writer = new StatementWriter(plan.Presentation, "http://platform.test", calendar);
        var first = new RecordingTarget(time, writer) { RefuseFromCall = 6 };

        var replayer = await Start(plan, calendar, time, first, speed: 24);
        await Assert.ThrowsAsync<HttpRequestException>(() => replayer.RunLiveAsync(CancellationToken.None));

        // A new process: the state file is all it knows; the clock went on meanwhile.
        time.Now += TimeSpan.FromMinutes(30);
        var second = new RecordingTarget(time, writer);
        var resumed = await Resume(plan, time, second, speed: 24);
        Assert.Equal((replayer.State.Start, replayer.State.Done), (resumed.State.Start, resumed.State.Done));
        Assert.Equal(replayer.State.Segments, resumed.State.Segments);
        await resumed.RunLiveAsync(CancellationToken.None);

        var all = first.Statements.Concat(second.Statements).ToList();
        Assert.NotEmpty(first.Statements);
        Assert.NotEmpty(second.Statements);
        Assert.Equal(plan.Statements.Length, all.Count);
        Assert.Equal(plan.Statements.Length, all.Select(s => s.Id).Distinct().Count());
        Assert.Equal(5, first.Enrolments.Count + second.Enrolments.Count);
        Assert.Equal(2, first.Withdrawals.Count + second.Withdrawals.Count);
    }

    [Fact]
    public async Task A_replay_killed_before_saving_its_progress_sends_that_one_chunk_again_identically()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var calendar = ImportCalendar.Today(Now, 3);
        var time = new ManualTime(Now);
        var writer = new StatementWriter(plan.Presentation, "http://platform.test", calendar);
        var first = new RecordingTarget(time, writer) { CrashAfterCall = 7 };

        var replayer = await Start(plan, calendar, time, first, speed: 24);
        await Assert.ThrowsAsync<OperationCanceledException>(() => replayer.RunLiveAsync(CancellationToken.None));
        var second = new RecordingTarget(time, writer);
        await (await Resume(plan, time, second, speed: 24)).RunLiveAsync(CancellationToken.None);

        // The chunk acknowledged just before the kill comes again with the same ids, timestamps and rows,
        // which the LRS answers 200 without storing twice (CONTRACT: same id, same content); nothing else repeats.
        var again = first.Statements.Intersect(second.Statements).ToList();
        Assert.InRange(again.Count + first.Enrolments.Intersect(second.Enrolments).Count() + first.Withdrawals.Intersect(second.Withdrawals).Count(), 1, 2);
        Assert.Equal(plan.Statements.Length, first.Statements.Concat(second.Statements).Select(s => s.Id).Distinct().Count());
        Assert.Equal(first.Statements.Count + second.Statements.Count - again.Count, plan.Statements.Length);
    }

    [Fact]
    public async Task A_restart_at_another_speed_keeps_what_was_posted_and_moves_only_what_follows()
    {
        var plan = await ImportPlan.BuildAsync(Folder.Directory, OuladFolder.Presentation, CancellationToken.None);
        var calendar = ImportCalendar.Today(Now, 19);
        var time = new ManualTime(Now);
        var target = new RecordingTarget(time, new StatementWriter(plan.Presentation, "http://platform.test", calendar));
        var replayer = await Start(plan, calendar, time, target, speed: 1);
        await replayer.CatchUpAsync(CancellationToken.None);

        // A day later, restarted at one course day per hour: day 20 13:00 is where it stands.
        time.Now = Now.AddDays(1);
        var faster = await Resume(plan, time, target, speed: 24);
        await faster.CatchUpAsync(CancellationToken.None);
        Assert.Equal(plan.Statements.Count(s => s.Day <= 20), target.Statements.Count);
        Assert.All(target.Statements, s => Assert.Equal(calendar.Of(s.Statement), s.Timestamp));

        // Five hours on: day 25 13:00; day 21's submission (18:00) came 29 course hours after the restart.
        time.Now += TimeSpan.FromHours(5);
        await faster.CatchUpAsync(CancellationToken.None);
        var day21 = Assert.Single(target.Statements, s => s.Statement.Day == 21);
        Assert.Equal(Now.AddDays(1) + TimeSpan.FromHours(29.0 / 24), day21.Timestamp);
        Assert.Equal(plan.Statements.Count(s => s.Day <= 25), target.Statements.Count);
    }

    private async Task<Replayer> Start(ImportPlan plan, ImportCalendar calendar, ManualTime time, RecordingTarget target, double speed)
    {
        var state = new ReplayState(plan.Presentation.Key, plan.Presentation.CourseId, calendar.Start, new ReplayClock([]).At(time.Now, speed).Segments, 0);
        await state.SaveAsync(StateFile, CancellationToken.None);
        return new Replayer(plan, state, target, (s, ct) => s.SaveAsync(StateFile, ct), time, time.Sleep, batchSize: 2, concurrency: 1, TextWriter.Null);
    }

    private async Task<Replayer> Resume(ImportPlan plan, ManualTime time, RecordingTarget target, double speed)
    {
        var state = await ReplayState.LoadAsync(StateFile, CancellationToken.None) ?? throw new InvalidOperationException("no state");
        state = state with { Segments = new ReplayClock(state.Segments).At(time.Now, speed).Segments };
        await state.SaveAsync(StateFile, CancellationToken.None);
        return new Replayer(plan, state, target, (s, ct) => s.SaveAsync(StateFile, ct), time, time.Sleep, batchSize: 2, concurrency: 1, TextWriter.Null);
    }
}
