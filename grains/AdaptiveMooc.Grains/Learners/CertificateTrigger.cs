using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// Issues a learner's certificate as soon as progress meets the course's rule, without anyone calling the
/// on-demand route. Activation-local, owned by the learner grain: applying a statement marks its course;
/// after each batch every marked course is checked with the pure rule (<see cref="CertificateCheck"/>, no
/// call), and only when the rule holds is the certificate grain asked to issue. That grain is keyed by
/// (learner, course) and issues at most once, so replays, duplicates, retries and restarts all end with
/// the same single certificate.
/// </summary>
/// <remarks>
/// Issuance never fails the statement's own processing. A failed call leaves the course
/// <see cref="CourseProgressState.CertificateDue"/>: it is retried on a timer while the activation lives,
/// on the course's next statement, and on the next activation (the flag is persisted with progress; if
/// that write is lost, replaying the log from <see cref="LearnerState.LastAppliedSequence"/> sets it again).
/// </remarks>
internal sealed partial class CertificateTrigger
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly Grain grain;
    private readonly Func<LearnerState> state;
    private readonly Func<string, Task<CourseDefinition?>> courseOf;
    private readonly TimeProvider clock;
    private readonly IGrainFactory grains;
    private readonly ILogger logger;
    private readonly HashSet<string> marked = new(StringComparer.Ordinal);

    // The rule of each course, rebuilt only when the learner grain fetched a new definition.
    private readonly Dictionary<string, (CourseDefinition Definition, CertificateRequirements Requirements)> rules = new(StringComparer.Ordinal);
    private IGrainTimer? retryTimer;

    public CertificateTrigger(Grain grain, Func<LearnerState> state, Func<string, Task<CourseDefinition?>> courseOf, TimeProvider clock)
    {
        this.grain = grain;
        this.state = state;
        this.courseOf = courseOf;
        this.clock = clock;
        grains = grain.GrainContext.ActivationServices.GetRequiredService<IGrainFactory>();
        logger = grain.GrainContext.ActivationServices.GetRequiredService<ILogger<CertificateTrigger>>();

        // Due from an earlier activation (a failed call, then a restart): try again.
        foreach (var (courseId, progress) in state().Progress)
        {
            if (progress.CertificateDue && !progress.CertificateIssued)
            {
                marked.Add(courseId);
            }
        }
    }

    /// <summary>A statement changed this course's progress.</summary>
    public void Mark(string courseId) => marked.Add(courseId);

    /// <summary>Checks every marked course; asks for the certificate of those that meet the rule.</summary>
    public async Task RunAsync()
    {
        if (marked.Count == 0)
        {
            return;
        }

        var courses = marked.ToList();
        marked.Clear();
        var learnerId = grain.GetPrimaryKeyString();
        foreach (var courseId in courses)
        {
            var learner = state();
            if (!learner.Progress.TryGetValue(courseId, out var progress) || progress.CertificateIssued || !learner.Enrolments.ContainsKey(courseId))
            {
                continue;
            }

            CertificateRequirements? requirements;
            CertificateProgress snapshot;
            try
            {
                requirements = await RequirementsAsync(courseId);
                if (requirements is null)
                {
                    continue;
                }

                snapshot = new CertificateProgress(
                    learnerId, [.. progress.Completed], new Dictionary<string, double>(progress.BestScores, StringComparer.Ordinal), clock.GetUtcNow());
                var (missing, meanScore) = CertificateCheck.Evaluate(snapshot, requirements);
                progress.CertificateDue = missing.Count == 0 && meanScore >= requirements.PassThreshold;
                if (!progress.CertificateDue)
                {
                    continue;
                }

                var evaluation = await grains.ByKey<ICertificateGrain>(CertificateKeys.For(learnerId, courseId)).EvaluateAsync(snapshot, requirements);
                if (evaluation.Eligible)
                {
                    progress.CertificateIssued = true;
                    progress.CertificateDue = false;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogIssueFailed(logger, exception, learnerId, courseId);
                marked.Add(courseId);
            }
        }

        if (marked.Count > 0)
        {
            retryTimer ??= grain.RegisterGrainTimer(OnRetryTimer, new GrainTimerCreationOptions(RetryDelay, Timeout.InfiniteTimeSpan));
        }
    }

    private async Task<CertificateRequirements?> RequirementsAsync(string courseId)
    {
        if (await courseOf(courseId) is not { } definition)
        {
            return null;
        }

        if (!rules.TryGetValue(courseId, out var rule) || !ReferenceEquals(rule.Definition, definition))
        {
            rule = (definition, CertificateRequirementsFactory.From(definition));
            rules[courseId] = rule;
        }

        return rule.Requirements;
    }

    private async Task OnRetryTimer(CancellationToken cancellationToken)
    {
        retryTimer?.Dispose();
        retryTimer = null;
        await RunAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The certificate of learner {LearnerId} in course {CourseId} is due but was not issued yet; it will be retried.")]
    private static partial void LogIssueFailed(ILogger logger, Exception exception, string learnerId, string courseId);
}
