using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Certificates;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>
/// One learner's attempts at one lesson (docs/ASSESSMENTS.md). Not reentrant: a call runs to its end
/// before the next starts, and every decision is written before it is answered, so concurrent starts,
/// answers and submissions cannot pass the maximum number of attempts, the deadline or answer twice.
/// Order of every write: state first, then the statements (ids and content derived from the state, so a
/// statement sent again is the same statement), then item analysis; a step lost to a crash is redone by
/// the next call.
/// </summary>
[GrainType("assessment-attempt")]
internal sealed class AssessmentAttemptGrain(
    [PersistentState("assessment-attempt", StorageNames.Default)] IPersistentState<AttemptState> state,
    IOptions<CertificateOptions> options,
    TimeProvider clock) : Grain, IAssessmentAttemptGrain
{
    private string Key => this.GetPrimaryKeyString();

    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public async Task<AttemptOutcome> Start()
    {
        var (_, courseId, lessonId) = AttemptKeys.Parse(Key);
        var now = clock.GetUtcNow();
        if (state.State.Current is { SubmittedAt: null } open)
        {
            if (open.Deadline is not { } deadline || now <= deadline)
            {
                return new AttemptOutcome(CommandResult.Ok, View(open, now), Resumed: true);
            }

            // Time ran out without a submission: it is graded with what was answered in time.
            await Finish(open, deadline);
        }

        if (state.State.Current is { Recorded: false } unrecorded)
        {
            await Record(unrecorded);
        }

        var bank = GrainFactory.ByKey<IQuestionBankGrain>(courseId);
        var draw = await bank.Draw(lessonId, RandomNumberGenerator.GetInt32(int.MaxValue));
        if (draw is null || draw.Items.Count == 0)
        {
            return AttemptOutcome.Failed(CommandResult.NotFound($"Lesson '{lessonId}' of '{courseId}' has no assessment to attempt."));
        }

        var allowed = draw.Definition.MaxAttempts ?? AssessmentDefinition.AttemptsCeiling;
        if (state.State.AttemptsUsed >= allowed)
        {
            return AttemptOutcome.Failed(CommandResult.Conflict($"All {allowed} attempts at lesson '{lessonId}' are used.", "maxAttempts"));
        }

        if (state.State.Current is { } previous)
        {
            state.State.Earlier.Add(new AttemptSummary(previous.Number, previous.StartedAt, previous.SubmittedAt, previous.Score ?? 0, previous.Passed == true));
        }

        var attempt = new AttemptRecord
        {
            Number = state.State.AttemptsUsed + 1,
            StartedAt = now,
            Deadline = draw.Definition.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            Items = [.. draw.Items],
            PassScore = draw.Definition.PassScore,
        };
        state.State.Current = attempt;
        state.State.AttemptsUsed++;
        await state.WriteStateAsync();
        return new AttemptOutcome(CommandResult.Created, View(attempt, now));
    }

    public async Task<AttemptOutcome> Answer(int attemptNumber, string itemId, ItemAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var now = clock.GetUtcNow();
        if (Attempt(attemptNumber) is not { } attempt)
        {
            return AttemptOutcome.Failed(CommandResult.NotFound($"There is no attempt {attemptNumber} in progress or latest."));
        }

        if (attempt.SubmittedAt is not null)
        {
            return AttemptOutcome.Failed(CommandResult.Conflict($"Attempt {attemptNumber} is submitted; answers are closed."));
        }

        if (attempt.Deadline is { } deadline && now > deadline)
        {
            return AttemptOutcome.Failed(CommandResult.Conflict($"The time limit of attempt {attemptNumber} passed at {deadline:O}; answers are closed."));
        }

        if (attempt.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            return AttemptOutcome.Failed(CommandResult.Invalid("itemId", $"'{itemId}' is not an item of attempt {attemptNumber}."));
        }

        if (attempt.Answers.FirstOrDefault(a => a.ItemId == itemId) is { } earlier)
        {
            // Sent again, in case the first emission was lost; the store keeps one copy.
            await Ingest([AssessmentStatements.Answered(BaseUrl, Key, attempt, item, earlier)]);
            return AttemptOutcome.Failed(CommandResult.Conflict($"Item '{itemId}' of attempt {attemptNumber} is already answered."));
        }

        answer = answer.ForKind(item.Kind);
        if (QuestionValidator.ValidateAnswer(item, answer) is { } problem)
        {
            return AttemptOutcome.Failed(problem);
        }

        var record = new AnswerRecord
        {
            ItemId = itemId,
            Answer = answer,
            Correct = QuestionGrader.IsCorrect(item, answer),
            AnsweredAt = now,
            Predicted = await Predict(item.Skills),
        };
        attempt.Answers.Add(record);
        await state.WriteStateAsync();
        await Ingest([AssessmentStatements.Answered(BaseUrl, Key, attempt, item, record)]);
        return new AttemptOutcome(CommandResult.Ok, View(attempt, now), Feedback(item, record));
    }

    public async Task<AttemptOutcome> Submit(int attemptNumber)
    {
        var now = clock.GetUtcNow();
        if (Attempt(attemptNumber) is not { } attempt)
        {
            return AttemptOutcome.Failed(CommandResult.NotFound($"There is no attempt {attemptNumber} in progress or latest."));
        }

        if (attempt.SubmittedAt is not null)
        {
            if (!attempt.Recorded)
            {
                await Record(attempt);
            }

            return AttemptOutcome.Failed(CommandResult.Conflict($"Attempt {attemptNumber} is already submitted."));
        }

        await Finish(attempt, attempt.Deadline is { } deadline && now > deadline ? deadline : now);
        return new AttemptOutcome(CommandResult.Ok, View(attempt, now));
    }

    public async Task<AttemptsView> Get()
    {
        var now = clock.GetUtcNow();
        var (_, courseId, lessonId) = AttemptKeys.Parse(Key);
        var definition = await GrainFactory.ByKey<IQuestionBankGrain>(courseId).GetAssessment(lessonId);
        var current = state.State.Current;
        var scores = state.State.Earlier.Select(e => (double?)e.Score).Append(current?.Score).OfType<double>().ToList();
        return new AttemptsView(
            state.State.AttemptsUsed,
            definition?.MaxAttempts,
            scores.Count == 0 ? null : scores.Max(),
            current is null ? null : View(current, now),
            [.. state.State.Earlier]);
    }

    private AttemptRecord? Attempt(int number) =>
        state.State.Current is { } current && current.Number == number ? current : null;

    private async Task Finish(AttemptRecord attempt, DateTimeOffset submittedAt)
    {
        attempt.SubmittedAt = submittedAt;
        attempt.Score = attempt.Items.Count == 0 ? 0 : Math.Round((double)attempt.Answers.Count(a => a.Correct) / attempt.Items.Count, 4);
        attempt.Passed = attempt.Score >= attempt.PassScore;
        attempt.Recorded = false;
        await state.WriteStateAsync();
        await Record(attempt);
    }

    /// <summary>Ingests the attempt's statements (answers again, then the submission) and feeds item analysis; idempotent up to the analysis step.</summary>
    private async Task Record(AttemptRecord attempt)
    {
        var items = attempt.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var statements = attempt.Answers
            .Select(a => AssessmentStatements.Answered(BaseUrl, Key, attempt, items[a.ItemId], a))
            .Append(AssessmentStatements.Submitted(BaseUrl, Key, attempt))
            .ToList();
        await Ingest(statements);

        var correct = attempt.Answers.Count(a => a.Correct);
        var others = attempt.Items.Count - 1;
        var outcomes = attempt.Answers
            .Select(a => new ItemOutcome(a.ItemId, a.Correct, others > 0 ? (correct - (a.Correct ? 1 : 0)) / (double)others : null, a.Predicted))
            .ToList();
        if (outcomes.Count > 0)
        {
            var (_, courseId, _) = AttemptKeys.Parse(Key);
            await GrainFactory.ByKey<IItemAnalysisGrain>(courseId).Record(outcomes);
        }

        attempt.Recorded = true;
        await state.WriteStateAsync();
    }

    private async Task Ingest(IReadOnlyList<StatementRecord> statements)
    {
        var result = await GrainFactory.ByKey<IStatementIngestGrain>(0).Ingest(statements);
        if (result.Status == IngestStatus.Conflict)
        {
            throw new InvalidOperationException($"Statement {result.ConflictingId} of {Key} exists with other content.");
        }
    }

    /// <summary>The knowledge-tracing model's P(correct) for this learner on the item's skills (their mean), null without evidence on any.</summary>
    private async Task<double?> Predict(IReadOnlyList<string> skills)
    {
        var (learnerId, courseId, _) = AttemptKeys.Parse(Key);
        var view = await GrainFactory.ByKey<ILearnerGrain>(learnerId).GetModelView(courseId);
        var known = skills.Select(s => view?.Mastery.TryGetValue(s, out var m) == true ? m : (double?)null).OfType<double>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 4);
    }

    private static AttemptView View(AttemptRecord attempt, DateTimeOffset now)
    {
        var items = attempt.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var status = attempt.SubmittedAt is not null ? AttemptStatus.Submitted
            : attempt.Deadline is { } deadline && now > deadline ? AttemptStatus.Expired
            : AttemptStatus.InProgress;
        return new AttemptView(
            attempt.Number, status, attempt.StartedAt, attempt.Deadline, attempt.SubmittedAt,
            [.. attempt.Items.Select(i => i.ToDelivered())],
            [.. attempt.Answers.Select(a => Feedback(items[a.ItemId], a))],
            attempt.Score, attempt.Passed);
    }

    private static AnswerFeedback Feedback(QuestionItem item, AnswerRecord answer) => new(
        item.Id, answer.Correct, answer.Correct ? item.FeedbackCorrect : item.FeedbackIncorrect, item.Explanation, item.CorrectAnswerText(), answer.AnsweredAt);
}
