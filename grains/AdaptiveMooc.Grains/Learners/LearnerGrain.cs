using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Analytics;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.Grains.Statements;

namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// Profile, enrolments and progress of one learner. Progress is a fold of the statement log: the
/// grain keeps the aggregates and <see cref="LearnerState.LastAppliedSequence"/>, reads the log after
/// that sequence on activation (and whenever a batch shows it missed one), and so applies every
/// acknowledged statement exactly once even if a silo dies between commit and apply. Because the log
/// can always rebuild what was not yet written, progress is persisted in the background (every
/// <see cref="FlushEvery"/> statements or <see cref="FlushDelay"/>) rather than once per statement;
/// profile and enrolment changes are written before they are acknowledged.
/// </summary>
[GrainType("learner")]
internal sealed partial class LearnerGrain(
    [PersistentState("learner", StorageNames.Default)] IPersistentState<LearnerState> state,
    IStatementStore store,
    IModelCatalog catalog,
    TimeProvider clock) : Grain, ILearnerGrain
{
    private const int FlushEvery = 100;
    private const int CatchUpPage = 1000;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CourseCacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long a kept recommendation answer serves while nothing of the learner changes.</summary>
    public static readonly TimeSpan RecommendationLifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, CachedCourse> courses = new(StringComparer.Ordinal);
    private readonly LearnerModelStates models = new();
    private readonly Dictionary<string, KeptRecommendations> recommendations = new(StringComparer.Ordinal);
    private WriteBehind? writes;
    private CertificateTrigger? certificates;

    private string LearnerId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        certificates = new CertificateTrigger(this, () => state.State, async id => (await Course(id, null))?.Definition, clock);
        return CatchUp(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Writes.Pending)
        {
            await Writes.Write();
        }
    }

    public async Task<CommandResult> Register(LearnerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (state.State.Registered || state.State.ErasureStartedAt is not null)
        {
            return CommandResult.Conflict($"Learner '{LearnerId}' already exists.", "id");
        }

        if (registration.Id != LearnerId)
        {
            return CommandResult.Invalid("id", "The registration's id is not this learner's id.");
        }

        if (await ClaimAccountId() is { } taken)
        {
            return taken;
        }

        var email = GrainFactory.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(registration.Email));
        if (!await email.Claim(EmailOwner.Learner, LearnerId))
        {
            await GrainFactory.ByKey<IAccountIdGrain>(LearnerId).Release(EmailOwner.Learner);
            return CommandResult.Conflict("That e-mail address is already registered.", "email");
        }

        state.State.Registered = true;
        state.State.Name = registration.Name;
        state.State.Email = registration.Email.Trim();
        state.State.PasswordHash = registration.PasswordHash;
        state.State.TimeZone = registration.TimeZone;
        state.State.WeeklyAvailability = [.. registration.WeeklyAvailability];
        state.State.RegisteredAt = clock.GetUtcNow();
        try
        {
            await Write();
        }
        catch
        {
            state.State.Registered = false;
            await email.Release(EmailOwner.Learner, LearnerId);
            await GrainFactory.ByKey<IAccountIdGrain>(LearnerId).Release(EmailOwner.Learner);
            throw;
        }

        return CommandResult.Created;
    }

    public Task<LearnerProfile?> GetProfile()
    {
        var s = state.State;
        return Task.FromResult(s.Registered && !s.Erased
            ? new LearnerProfile(LearnerId, s.Name, s.Email, s.TimeZone, [.. s.WeeklyAvailability], s.RegisteredAt)
            : null);
    }

    public Task<string?> GetPasswordHash() => Task.FromResult(state.State.Registered && !state.State.Erased ? state.State.PasswordHash : null);

    public async Task SetPasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (!state.State.Registered)
        {
            return;
        }

        state.State.PasswordHash = passwordHash;
        await Write();
    }

    public async Task<CommandResult> UpdateAvailability(string? timeZone, IReadOnlyList<AvailabilityWindow> weeklyAvailability)
    {
        ArgumentNullException.ThrowIfNull(weeklyAvailability);
        if (!state.State.Registered)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        if (AvailabilityValidator.Validate(timeZone, weeklyAvailability) is { } problem)
        {
            return problem;
        }

        state.State.TimeZone = timeZone ?? state.State.TimeZone;
        state.State.WeeklyAvailability = [.. weeklyAvailability];
        await Write();
        await PlanInputsChanged(always: true);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> Enroll(EnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!state.State.Registered)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        var course = await GrainFactory.ByKey<ICourseGrain>(request.CourseId).Get();
        if (course is null)
        {
            return CommandResult.NotFound($"Course '{request.CourseId}' does not exist.");
        }

        if (!course.Published)
        {
            return CommandResult.Conflict($"Course '{request.CourseId}' is not published yet.", "courseId");
        }

        if (state.State.Enrolments.TryGetValue(request.CourseId, out var existing) && existing.Active)
        {
            return CommandResult.Conflict($"Learner '{LearnerId}' is already enrolled in '{request.CourseId}'.", "courseId");
        }

        // A paid course needs access first (a paid order, a redeemed voucher, a provider's grant: docs/PAYMENTS.md).
        if (course.Definition.Pricing.IsPaid
            && !await GrainFactory.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(LearnerId, request.CourseId)).HasAccess())
        {
            return new CommandResult(CommandStatus.Forbidden, "courseId",
                $"Course '{request.CourseId}' is paid: buy it (POST /api/courses/{request.CourseId}/orders) or redeem a voucher first.");
        }

        state.State.Enrolments[request.CourseId] = new Enrolment(
            request.CourseId, request.EnrolledAt, request.TargetDate, request.PurchaseId, null, null, request.WeeklyStudyHours);
        await Write();
        await AnalyticsFeed.Enrolment(GrainFactory, LearnerId, state.State.Enrolments[request.CourseId]);

        // Statements imported before the enrolment may already meet the course's certificate rule.
        certificates?.Mark(request.CourseId);
        await AfterApplied(0);
        await PlanInputsChanged();
        return CommandResult.Created;
    }

    public Task<IReadOnlyList<Enrolment>> GetEnrolments() =>
        Task.FromResult<IReadOnlyList<Enrolment>>([.. state.State.Enrolments.Values.OrderBy(e => e.EnrolledAt)]);

    public async Task<CommandResult> Withdraw(string courseId, DateTimeOffset at, string? reason)
    {
        if (!state.State.Enrolments.TryGetValue(courseId, out var enrolment))
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' is not enrolled in '{courseId}'.");
        }

        if (!enrolment.Active)
        {
            return CommandResult.Conflict($"Learner '{LearnerId}' already withdrew from '{courseId}'.");
        }

        if (at < enrolment.EnrolledAt)
        {
            return CommandResult.Invalid("at", "A withdrawal cannot precede the enrolment.");
        }

        state.State.Enrolments[courseId] = enrolment with { WithdrawnAt = at, WithdrawalReason = reason };
        await Write();
        await AnalyticsFeed.Enrolment(GrainFactory, LearnerId, state.State.Enrolments[courseId]);
        await PlanInputsChanged();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetTargetDate(string courseId, DateOnly? targetDate)
    {
        if (!state.State.Enrolments.TryGetValue(courseId, out var enrolment) || !enrolment.Active)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' has no active enrolment in '{courseId}'.");
        }

        state.State.Enrolments[courseId] = enrolment with { TargetDate = targetDate };
        await Write();
        await PlanInputsChanged();
        return CommandResult.Ok;
    }

    public async Task<CourseProgress?> GetProgress(string courseId)
    {
        var hasProgress = state.State.Progress.TryGetValue(courseId, out var progress);
        if (!hasProgress && !state.State.Enrolments.ContainsKey(courseId))
        {
            return null;
        }

        var course = await GrainFactory.ByKey<ICourseGrain>(courseId).Get();
        return ProgressRules.ToProgress(courseId, progress ?? new CourseProgressState(), course?.Definition, models.Mastery(state.State.Models, courseId, catalog.Current));
    }

    public Task<IReadOnlyDictionary<string, double>> GetBestScores(string courseId) =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(state.State.Progress.TryGetValue(courseId, out var progress)
            ? new Dictionary<string, double>(progress.BestScores, StringComparer.Ordinal)
            : new Dictionary<string, double>(StringComparer.Ordinal));

    public Task<long?> GetStoredStatementCount() =>
        Task.FromResult(state.State.Registered && !state.State.Erased ? state.State.StatementsStored : (long?)null);

    public Task<LearnerCourseView?> GetCourseView(string courseId, CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return Task.FromResult(CourseView(courseId, course));
    }

    public async Task<LessonRecommendations?> GetRecommendations(string courseId, int limit)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (answer, cached) = await Recommend(courseId, limit);
        GrainMetrics.RecommendationDuration.Record(GrainMetrics.Seconds(started), new KeyValuePair<string, object?>("cached", cached));
        return answer;
    }

    private async Task<(LessonRecommendations? Answer, bool Cached)> Recommend(string courseId, int limit)
    {
        limit = Math.Clamp(limit, 1, IRecommendationGrain.MaxLimit);
        var now = clock.GetUtcNow();
        var catalogVersion = catalog.Current.Version;
        if (recommendations.TryGetValue(courseId, out var kept)
            && kept.Sequence == state.State.LastAppliedSequence
            && string.Equals(kept.CatalogVersion, catalogVersion, StringComparison.Ordinal)
            && now - kept.At < RecommendationLifetime)
        {
            return (Take(kept.Answer, limit), true);
        }

        if (await Course(courseId, null) is not { } course || CourseView(courseId, course.Definition) is not { } view)
        {
            return (null, false);
        }

        // Ranked once for the largest page: the ranking is a sort, so every smaller limit is a prefix of it.
        var sequence = state.State.LastAppliedSequence;
        var answer = await GrainFactory.ByKey<IRecommendationGrain>(0).Rank(course.Snapshot, view, IRecommendationGrain.MaxLimit);
        recommendations[courseId] = new KeptRecommendations(answer, sequence, catalogVersion, now);
        return (Take(answer, limit), false);
    }

    private static LessonRecommendations Take(LessonRecommendations answer, int limit) =>
        answer.Items.Count <= limit ? answer : answer with { Items = [.. answer.Items.Take(limit)] };

    private LearnerCourseView? CourseView(string courseId, CourseDefinition course)
    {
        var s = state.State;
        var hasProgress = s.Progress.TryGetValue(courseId, out var progress);
        var enrolled = s.Enrolments.TryGetValue(courseId, out var enrolment);
        if (!s.Registered || (!hasProgress && !enrolled))
        {
            return null;
        }

        var set = catalog.Current;
        var profile = new LearnerProfile(LearnerId, s.Name, s.Email, s.TimeZone, [.. s.WeeklyAvailability], s.RegisteredAt);
        var mastery = models.Mastery(s.Models, courseId, set);
        var courseProgress = ProgressRules.ToProgress(courseId, progress ?? new CourseProgressState(), course, mastery);
        return new LearnerCourseView(profile, courseProgress, enrolment, models.View(s.Models, courseId, set, mastery));
    }

    public Task<LearnerModelView?> GetModelView(string courseId) =>
        Task.FromResult(state.State.Progress.ContainsKey(courseId) || state.State.Enrolments.ContainsKey(courseId)
            ? models.View(state.State.Models, courseId, catalog.Current)
            : null);

    public Task<Abstractions.Practice.PracticePrediction> PredictPractice(string courseId, string skill, IReadOnlyList<Abstractions.Practice.PracticeItemRef> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Task.FromResult(models.Predict(state.State.Models, courseId, skill, items, catalog.Current));
    }

    public async Task ApplyStatements(long previousSequence, IReadOnlyList<StoredStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (previousSequence > state.State.LastAppliedSequence)
        {
            // Something committed before this batch never reached us (a crash between commit and
            // apply, or a concurrent request still on its way): read it from the log first.
            await CatchUp(CancellationToken.None);
        }

        var applied = 0;
        foreach (var statement in statements.OrderBy(s => s.Sequence))
        {
            if (statement.Sequence <= state.State.LastAppliedSequence)
            {
                continue;
            }

            await ApplyOne(statement);
            applied++;
        }

        await AfterApplied(applied);
    }

    private async Task CatchUp(CancellationToken cancellationToken)
    {
        var applied = 0;
        while (true)
        {
            var page = await store.ReadLearnerAsync(LearnerId, state.State.LastAppliedSequence, CatchUpPage, cancellationToken);
            foreach (var statement in page)
            {
                await ApplyOne(statement);
                applied++;
            }

            if (page.Count < CatchUpPage)
            {
                break;
            }
        }

        await AfterApplied(applied);
    }

    private async Task ApplyOne(StoredStatement stored)
    {
        var statement = stored.Statement;
        state.State.LastAppliedSequence = stored.Sequence;
        state.State.StatementsStored++;
        if (statement.CourseId is not { } courseId)
        {
            return;
        }

        var course = await Course(courseId, statement.LessonId);
        if (course is null)
        {
            return;
        }

        if (statement.LessonId is null)
        {
            ProgressRules.ApplyCourseActivity(ProgressOf(courseId), statement.Timestamp, statement.Duration);
        }
        else if (ProgressRules.ToLearningEvent(statement, courseId, course.Lessons) is { } learningEvent)
        {
            var lesson = course.Lessons[learningEvent.LessonId!];
            ProgressRules.Apply(ProgressOf(courseId), learningEvent, ProgressRules.CompletionOf(statement, lesson));
            ProgressRules.ApplyBestScore(ProgressOf(courseId), learningEvent, lesson);
            certificates?.Mark(courseId);
            var enrolledAt = state.State.Enrolments.TryGetValue(courseId, out var enrolment) ? enrolment.EnrolledAt : (DateTimeOffset?)null;

            // Course models learn only from enrolled learners, and not from before their enrolment.
            if (ProgressRules.FeedsCourseModels(enrolledAt, statement.Timestamp)
                && models.Apply(state.State.Models, courseId, learningEvent, course.Definition, enrolledAt, catalog.Current) is { } observation)
            {
                await GrainFactory.ByKey<ICourseRankingGrain>(courseId).Observe(observation);
            }
        }

        // After the model update, so a graded fact carries the mastery it produced.
        var previous = state.State.AnalyticsSequences.GetValueOrDefault(courseId);
        state.State.AnalyticsSequences[courseId] = stored.Sequence;
        await AnalyticsFeed.Statement(
            GrainFactory, stored, previous, state.State.Enrolments.GetValueOrDefault(courseId), course.Lessons,
            skills => models.MasteryOf(state.State.Models, courseId, skills, catalog.Current));
    }

    private CourseProgressState ProgressOf(string courseId)
    {
        if (!state.State.Progress.TryGetValue(courseId, out var progress))
        {
            state.State.Progress[courseId] = progress = new CourseProgressState();
        }

        return progress;
    }

    /// <summary>The course's lessons, cached per activation; refetched when stale or when a lesson is unknown (the course may have grown).</summary>
    private async Task<CachedCourse?> Course(string courseId, string? lessonId)
    {
        var now = clock.GetUtcNow();
        if (courses.TryGetValue(courseId, out var cached)
            && now - cached.FetchedAt < CourseCacheLifetime
            && (lessonId is null || cached.Lessons.ContainsKey(lessonId)))
        {
            return cached;
        }

        var snapshot = await GrainFactory.ByKey<ICourseGrain>(courseId).Get();
        if (snapshot is null)
        {
            courses.Remove(courseId);
            return null;
        }

        cached = new CachedCourse(snapshot.Definition.AllLessons().ToDictionary(l => l.Id, StringComparer.Ordinal), snapshot, now);
        courses[courseId] = cached;
        return cached;
    }

    private async Task AfterApplied(int applied)
    {
        if (certificates is not null)
        {
            await certificates.RunAsync();
        }

        await Writes.Changed(applied);
    }

    /// <summary>
    /// Availability, time zone, enrolments and target dates are inputs of the learner's plan, which replans
    /// at once. One-way: the plan grain reads this grain back, so awaiting its answer here would wait on
    /// ourselves. A learner without windows has no sessions to move or watch (imported learners): their
    /// plan is computed when asked for, and no plan grain is woken for each of their enrolments.
    /// </summary>
    private Task PlanInputsChanged(bool always = false) =>
        always || state.State.WeeklyAvailability.Count > 0
            ? GrainFactory.ByKey<ILearnerPlanGrain>(LearnerId).InputsChanged()
            : Task.CompletedTask;

    private WriteBehind Writes => writes ??= new WriteBehind(this, WriteState, FlushEvery, FlushDelay);

    /// <summary>Writes everything now: profile and enrolment changes are durable before they are acknowledged.</summary>
    private Task Write()
    {
        // Profile, availability and enrolment changes move recommendations; statements move the sequence.
        recommendations.Clear();
        return Writes.Write();
    }

    private Task WriteState()
    {
        models.SaveTo(state.State.Models);
        return state.WriteStateAsync();
    }

    private sealed record KeptRecommendations(LessonRecommendations Answer, long Sequence, string CatalogVersion, DateTimeOffset At);

    private sealed record CachedCourse(Dictionary<string, LessonDefinition> Lessons, CourseSnapshot Snapshot, DateTimeOffset FetchedAt)
    {
        public CourseDefinition Definition => Snapshot.Definition;
    }
}
