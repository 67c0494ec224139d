namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Posts a presentation's timeline as course time reaches it (<see cref="ReplayClock"/>): everything up
/// to now at once, then, when live, each following event once real time gets to it. Progress is the
/// number of acknowledged events, saved after every chunk, so a replay stopped at any point resumes
/// where the platform's acknowledgements ended.
/// </summary>
internal sealed class Replayer
{
    /// <summary>The longest single sleep, so a clock change (a suspended laptop) is noticed within it.</summary>
    public static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(1);

    private readonly ImportPlan plan;
    private readonly TimelineEvent[] timeline;
    private readonly ReplayClock clock;
    private readonly IReplayTarget target;
    private readonly Func<ReplayState, CancellationToken, Task> save;
    private readonly TimeProvider time;
    private readonly Func<TimeSpan, CancellationToken, Task> sleep;
    private readonly int batchSize;
    private readonly int concurrency;
    private readonly TextWriter log;

    public Replayer(
        ImportPlan plan,
        ReplayState state,
        IReplayTarget target,
        Func<ReplayState, CancellationToken, Task> save,
        TimeProvider time,
        Func<TimeSpan, CancellationToken, Task> sleep,
        int batchSize,
        int concurrency,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        this.plan = plan;
        timeline = TimelineEvent.Of(plan, new ImportCalendar(state.Start));
        if (state.Done > timeline.Length)
        {
            throw new InvalidDataException($"The replay state says {state.Done} events are done; the presentation has {timeline.Length}: other files?");
        }

        State = state;
        clock = new ReplayClock(state.Segments);
        this.target = target;
        this.save = save;
        this.time = time;
        this.sleep = sleep;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.log = log;
    }

    public ReplayState State { get; private set; }

    public int Events => timeline.Length;

    public bool Finished => State.Done == timeline.Length;

    /// <summary>The real instant the next event is due, or null once the timeline is done.</summary>
    public DateTimeOffset? NextDue => Finished ? null : clock.RealTimeOf(timeline[State.Done].At);

    /// <summary>Posts every event course time has reached; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        while (true)
        {
            var reached = clock.CourseNow(time.GetUtcNow());
            var from = State.Done;
            var chunks = new List<Range>();
            var end = from;
            var kind = from < timeline.Length ? timeline[from].Kind : default;

            // Up to `concurrency` chunks of one kind go out together; the next kind waits for them.
            while (chunks.Count < concurrency && end < timeline.Length && timeline[end].Kind == kind && timeline[end].At <= reached)
            {
                var start = end;
                while (end < timeline.Length && end - start < batchSize && timeline[end].Kind == kind && timeline[end].At <= reached)
                {
                    end++;
                }

                chunks.Add(start..end);
            }

            if (chunks.Count == 0)
            {
                return posted;
            }

            await Task.WhenAll(chunks.Select(c => SendAsync(kind, timeline.AsMemory(c), cancellationToken)));
            State = State with { Done = end };
            await save(State, cancellationToken);
            posted += end - from;
        }
    }

    /// <summary>Posts what is due, then each following event when it is due, until the timeline ends or <paramref name="cancellationToken"/> stops it.</summary>
    public async Task RunLiveAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var posted = await CatchUpAsync(cancellationToken);
            if (posted > 0)
            {
                var now = time.GetUtcNow();
                log.WriteLine($"replay: {posted} events posted; course day {new ImportCalendar(State.Start).DayOf(clock.CourseNow(now))} reached ({State.Done}/{timeline.Length})");
            }

            if (Finished)
            {
                log.WriteLine($"replay: {plan.Presentation.Key} replayed to its end ({timeline.Length} events)");
                return;
            }

            // At least a millisecond: a clock that reads the same twice must not make this loop spin.
            var due = clock.RealTimeOf(timeline[State.Done].At) - time.GetUtcNow();
            await sleep(due < ShortestSleep ? ShortestSleep : due < LongestSleep ? due : LongestSleep, cancellationToken);
        }
    }

    private Task SendAsync(TimelineKind kind, ReadOnlyMemory<TimelineEvent> events, CancellationToken cancellationToken)
    {
        var span = events.Span;
        switch (kind)
        {
            case TimelineKind.Statement:
                var statements = new (ImportStatement, DateTimeOffset)[span.Length];
                for (var i = 0; i < span.Length; i++)
                {
                    statements[i] = (plan.Statements[span[i].Index], clock.RealTimeOf(span[i].At));
                }

                return target.PostAsync(statements, cancellationToken);
            case TimelineKind.Enrolment or TimelineKind.Withdrawal:
                var learners = new (ImportLearner, DateTimeOffset)[span.Length];
                for (var i = 0; i < span.Length; i++)
                {
                    learners[i] = (plan.Learners[span[i].Index], clock.RealTimeOf(span[i].At));
                }

                return kind == TimelineKind.Enrolment ? target.EnrolAsync(learners, cancellationToken) : target.WithdrawAsync(learners, cancellationToken);
            default:
                throw new InvalidOperationException($"Unknown timeline event kind {kind}.");
        }
    }
}
