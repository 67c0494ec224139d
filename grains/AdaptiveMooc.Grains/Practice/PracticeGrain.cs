using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Practice;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Certificates;
using AdaptiveMooc.ML.Practice;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Practice;

/// <summary>
/// One learner's practice of one skill (docs/PRACTICE.md). Not reentrant: one call at a time, and every
/// decision is written before it is answered. Order of an answer: graded against the bank's key, state
/// written (the answer, its sequence number), then the <c>answered</c> statement ingested as grader (the
/// learner grain applies it before the ingest returns, so mastery has moved when the answer comes back);
/// a statement lost to a crash is sent again, identical, by the next call.
/// </summary>
[GrainType("practice")]
internal sealed class PracticeGrain(
    [PersistentState("practice", StorageNames.Default)] IPersistentState<PracticeState> state,
    IOptions<CertificateOptions> options,
    TimeProvider clock) : Grain, IPracticeGrain
{
    private static readonly PracticeBand Band = PracticeBand.Default;

    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public async Task<PracticeOutcome> Next()
    {
        var (learnerId, courseId, skill) = PracticeKeys.Parse(this.GetPrimaryKeyString());
        await RecordPending();
        if (await HomeLesson(courseId, skill) is null)
        {
            return PracticeOutcome.Failed(CommandResult.NotFound($"'{skill}' is not a skill of course '{courseId}'."));
        }

        var threshold = await Threshold(courseId);

        var learner = GrainFactory.ByKey<ILearnerGrain>(learnerId);
        if (state.State.Pending is { } pending
            && await GrainFactory.ByKey<IQuestionBankGrain>(courseId).Get(pending.ItemId) is { } waiting)
        {
            var now = await learner.PredictPractice(courseId, skill, []);
            return new PracticeOutcome(CommandResult.Ok, View(skill, threshold, now, waiting, pending));
        }

        var items = await Items(courseId, skill);
        var prediction = await learner.PredictPractice(courseId, skill, [.. items.Select(i => new PracticeItemRef(i.Id, i.Skills))]);
        if (prediction.MasteredAt(threshold) || items.Count == 0)
        {
            if (state.State.Pending is not null)
            {
                state.State.Pending = null;
                await state.WriteStateAsync();
            }

            return new PracticeOutcome(CommandResult.Ok, View(skill, threshold, prediction, null, null, items.Count == 0 ? PracticeStatus.NoItems : null));
        }

        var candidates = items.Select((item, i) => new PracticeCandidate(item.Id, prediction.PCorrect[i], state.State.TimesAnswered.GetValueOrDefault(item.Id))).ToList();
        var choice = PracticePolicy.Choose(candidates, Band);
        var chosen = new PendingChoice
        {
            ItemId = choice.ItemId,
            PCorrect = choice.PCorrect,
            Placement = Placement(choice.Placement),
            Reason = choice.Reason,
            ChosenAt = clock.GetUtcNow(),
        };
        state.State.Pending = chosen;
        await state.WriteStateAsync();
        return new PracticeOutcome(CommandResult.Created, View(skill, threshold, prediction, items.First(i => i.Id == choice.ItemId), chosen));
    }

    public async Task<PracticeOutcome> Answer(string itemId, ItemAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (learnerId, courseId, skill) = PracticeKeys.Parse(this.GetPrimaryKeyString());
        await RecordPending();
        if (state.State.Pending is not { } pending || !string.Equals(pending.ItemId, itemId, StringComparison.Ordinal))
        {
            return PracticeOutcome.Failed(CommandResult.Conflict($"'{itemId}' is not the item waiting for an answer; ask for the next item first.", "itemId"));
        }

        var item = await GrainFactory.ByKey<IQuestionBankGrain>(courseId).Get(itemId);
        var lesson = await HomeLesson(courseId, skill);
        if (item is null || lesson is null)
        {
            state.State.Pending = null;
            await state.WriteStateAsync();
            return PracticeOutcome.Failed(CommandResult.NotFound($"Item '{itemId}' or skill '{skill}' is no longer in course '{courseId}'; ask for the next item."));
        }

        answer = answer.ForKind(item.Kind);
        if (QuestionValidator.ValidateAnswer(item, answer) is { } problem)
        {
            return PracticeOutcome.Failed(problem);
        }

        var learner = GrainFactory.ByKey<ILearnerGrain>(learnerId);
        var before = await learner.PredictPractice(courseId, skill, []);
        var correct = QuestionGrader.IsCorrect(item, answer);
        state.State.Answered++;
        state.State.Correct += correct ? 1 : 0;
        state.State.TimesAnswered[itemId] = state.State.TimesAnswered.GetValueOrDefault(itemId) + 1;
        state.State.Pending = null;
        state.State.Last = new PracticeAnswerRecord
        {
            Sequence = state.State.Answered,
            Item = item,
            Answer = answer,
            Correct = correct,
            AnsweredAt = clock.GetUtcNow(),
            LessonId = lesson,
            MasteryBefore = before.Mastery,
        };
        await state.WriteStateAsync();
        await RecordPending();

        var after = await learner.PredictPractice(courseId, skill, []);
        return new PracticeOutcome(CommandResult.Ok, View(skill, await Threshold(courseId), after, null, null));
    }

    public async Task<PracticeView> Get()
    {
        var (learnerId, courseId, skill) = PracticeKeys.Parse(this.GetPrimaryKeyString());
        var now = await GrainFactory.ByKey<ILearnerGrain>(learnerId).PredictPractice(courseId, skill, []);
        var waiting = state.State.Pending is { } pending ? await GrainFactory.ByKey<IQuestionBankGrain>(courseId).Get(pending.ItemId) : null;
        return View(skill, await Threshold(courseId), now, waiting, waiting is null ? null : state.State.Pending);
    }

    /// <summary>Sends the latest answer's statement when it was not acknowledged yet (same id, same content).</summary>
    private async Task RecordPending()
    {
        if (state.State.Last is not { Recorded: false } last)
        {
            return;
        }

        var (learnerId, courseId, skill) = PracticeKeys.Parse(this.GetPrimaryKeyString());
        var result = await GrainFactory.ByKey<IStatementIngestGrain>(0).Ingest([PracticeStatements.Answered(BaseUrl, learnerId, courseId, skill, last)]);
        if (result.Status == IngestStatus.Conflict)
        {
            throw new InvalidOperationException($"Practice statement {result.ConflictingId} exists with other content.");
        }

        last.Recorded = true;
        await state.WriteStateAsync();
    }

    /// <summary>The bank's items tagged with the skill (the bank holds at most <see cref="IQuestionBankGrain.MaxItems"/>).</summary>
    private async Task<List<QuestionItem>> Items(string courseId, string skill)
    {
        var bank = GrainFactory.ByKey<IQuestionBankGrain>(courseId);
        var items = new List<QuestionItem>();
        string? after = null;
        while (items.Count < IQuestionBankGrain.MaxItems)
        {
            var page = await bank.List(skill, after, 500);
            items.AddRange(page);
            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].Id;
        }

        return items;
    }

    /// <summary>
    /// The lesson a practice answer is recorded under: the first lesson of the course (in course order)
    /// that teaches the skill, else the first whose items exercise it; null when the course has no such skill.
    /// </summary>
    private async Task<string?> HomeLesson(string courseId, string skill)
    {
        if (await GrainFactory.ByKey<ICourseGrain>(courseId).Get() is not { } course)
        {
            return null;
        }

        var lessons = course.Definition.AllLessons().ToList();
        return (lessons.FirstOrDefault(l => (l.Skills ?? []).Contains(skill, StringComparer.Ordinal))
            ?? lessons.FirstOrDefault(l => (l.Items ?? []).Any(i => (i.Skills ?? []).Contains(skill, StringComparer.Ordinal))))?.Id;
    }

    /// <summary>The course's mastery threshold (<see cref="CourseDefinition.MasteryThreshold"/>, default 0.85).</summary>
    private async Task<double> Threshold(string courseId) =>
        (await GrainFactory.ByKey<ICourseGrain>(courseId).Get())?.Definition.EffectiveMasteryThreshold ?? CourseDefinition.DefaultMasteryThreshold;

    /// <param name="otherwise">The status when no item waits and the skill is not mastered (practising: ask for the next item).</param>
    private PracticeView View(string skill, double threshold, PracticePrediction now, QuestionItem? waiting, PendingChoice? pending, string? otherwise = null)
    {
        var last = state.State.Last;
        var mastery = now.Mastery;
        var status = waiting is not null ? PracticeStatus.Practising
            : now.MasteredAt(threshold) ? PracticeStatus.Mastered
            : otherwise ?? PracticeStatus.Practising;
        return new PracticeView(
            skill,
            status,
            mastery,
            threshold,
            Band.Low,
            Band.High,
            waiting?.ToDelivered(),
            waiting is null ? null : pending?.PCorrect,
            waiting is null ? null : pending?.Placement,
            waiting is null ? null : pending?.Reason,
            state.State.Answered,
            state.State.Correct,
            last is null ? null : new AnswerFeedback(
                last.Item.Id, last.Correct, last.Correct ? last.Item.FeedbackCorrect : last.Item.FeedbackIncorrect, last.Item.Explanation, last.Item.CorrectAnswerText(), last.AnsweredAt),
            last?.MasteryBefore);
    }

    private static string Placement(PracticePlacement placement) => placement switch
    {
        PracticePlacement.InBand => "in-band",
        PracticePlacement.BelowBand => "below-band",
        _ => "above-band",
    };
}
