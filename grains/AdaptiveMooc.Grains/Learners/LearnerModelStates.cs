using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;
using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.Grains.Learners;

/// <summary>
/// The learner grain's online model: per course, the ML project's own states (knowledge tracing,
/// pacing, next-lesson ranking), each updated in O(1) per learning event exactly as training replays
/// events. Live objects are kept per activation and written back to <see cref="LearnerModelState"/>
/// as JSON only when the grain persists (<see cref="SaveTo"/>), so a statement costs no serialisation.
/// </summary>
internal sealed class LearnerModelStates
{
    private readonly Dictionary<string, Live> live = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies one learning event of a course and returns its contribution to the course's ranking
    /// statistics (null for events about no lesson).
    /// </summary>
    public RankingObservationMessage? Apply(
        Dictionary<string, LearnerModelState> stored, string courseId, LearningEvent learningEvent, CourseDefinition course, DateTimeOffset? enrolledAt, ModelSet models)
    {
        var model = Get(stored, courseId, CourseModelInputs.StartOf(course, enrolledAt) ?? learningEvent.Timestamp);
        model.Dirty = true;

        // Knowledge tracing sees every graded outcome progress counts (a score alone, a passed or failed
        // lesson) as an answer, so mastery covers exactly the skills the learner has graded evidence on.
        var answer = ProgressRules.Outcome(learningEvent) is { } correct
            ? learningEvent with { Verb = LearningVerb.Answered, Success = correct }
            : learningEvent;
        var attempts = model.Knowledge.Attempts;
        models.Kt.Apply(model.Knowledge, answer);
        model.Mastery = null;
        if (model.Knowledge.Attempts > attempts)
        {
            foreach (var skill in model.Knowledge.LastSkills)
            {
                if (!model.Stored.LastPractised.TryGetValue(skill, out var last) || answer.Timestamp > last)
                {
                    model.Stored.LastPractised[skill] = answer.Timestamp;
                }
            }
        }

        if (model.Schedule is null || !ReferenceEquals(model.ScheduleOf, course))
        {
            model.Schedule = CourseModelInputs.Schedule(courseId, course, model.Stored.Start);
            model.ScheduleOf = course;
        }

        model.Pacing.Apply(learningEvent, model.Schedule);
        return model.Ranking.Apply(learningEvent, model.Stored.Start) is { } o
            ? new RankingObservationMessage(o.LessonId, o.Day, o.Count, o.NewDay, [.. o.LeftDayLessons], o.NewLessonDay, [.. o.TransitionSources])
            : null;
    }

    /// <summary>Knowledge-tracing mastery of every skill the learner answered on; null before any answer.</summary>
    public IReadOnlyDictionary<string, double>? Mastery(Dictionary<string, LearnerModelState> stored, string courseId, ModelSet models)
    {
        if (!stored.ContainsKey(courseId))
        {
            return null;
        }

        // One model prediction per skill: kept until the next answer or another knowledge-tracing model
        // (mastery depends on nothing else), so progress, recommendations and plans read it for free.
        var model = Get(stored, courseId, default);
        var knowledge = model.Knowledge;
        if (knowledge.Skills.Count == 0)
        {
            return null;
        }

        if (model.Mastery is { } kept && ReferenceEquals(model.MasteryModel, models.Kt))
        {
            return kept;
        }

        model.Mastery = models.Kt.MasteryBySkill(knowledge, knowledge.Skills.Keys).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4), StringComparer.Ordinal);
        GrainMetrics.ModelPredictions.Add(model.Mastery.Count, new KeyValuePair<string, object?>("model", ModelSet.KnowledgeTracingName));
        model.MasteryModel = models.Kt;
        return model.Mastery;
    }

    /// <summary>Knowledge-tracing mastery of <paramref name="skills"/> now (what analytics keep after each graded fact).</summary>
    public IReadOnlyDictionary<string, double> MasteryOf(Dictionary<string, LearnerModelState> stored, string courseId, IReadOnlyList<string> skills, ModelSet models) =>
        Analytics.MasteryReplay.Of(models.Kt, Get(stored, courseId, default).Knowledge, skills);

    /// <summary>Mastery of <paramref name="skill"/> and P(correct) of each item for practice; a learner without evidence in the course gets the model's prior.</summary>
    public Abstractions.Practice.PracticePrediction Predict(
        Dictionary<string, LearnerModelState> stored, string courseId, string skill, IReadOnlyList<Abstractions.Practice.PracticeItemRef> items, ModelSet models)
    {
        var knowledge = stored.ContainsKey(courseId) ? Get(stored, courseId, default).Knowledge : new LearnerKnowledgeState();
        GrainMetrics.ModelPredictions.Add(items.Count + 1, new KeyValuePair<string, object?>("model", ModelSet.KnowledgeTracingName));
        var mastery = models.Kt.MasteryBySkill(knowledge, [skill]).TryGetValue(skill, out var m) ? m : models.Kt.PredictCorrect(knowledge, [skill], null);
        return new Abstractions.Practice.PracticePrediction(
            Math.Round(mastery, 4),
            [.. items.Select(i => Math.Round(models.Kt.PredictCorrect(knowledge, i.Skills, i.ItemId), 4))],
            knowledge.Skills.TryGetValue(skill, out var known) ? known.Attempts : 0);
    }

    /// <param name="mastery">The caller's <see cref="Mastery"/> of the same moment, when it has it (each skill is a model prediction).</param>
    public LearnerModelView View(Dictionary<string, LearnerModelState> stored, string courseId, ModelSet models, IReadOnlyDictionary<string, double>? mastery = null)
    {
        if (!stored.ContainsKey(courseId))
        {
            return new LearnerModelView(courseId, null, models.Version, new Dictionary<string, double>(), new Dictionary<string, int>(), new Dictionary<string, DateTimeOffset>(), null, 0, 0);
        }

        var model = Get(stored, courseId, default);
        return new LearnerModelView(
            courseId,
            model.Stored.Start,
            models.Version,
            mastery ?? Mastery(stored, courseId, models) ?? new Dictionary<string, double>(),
            model.Knowledge.Skills.ToDictionary(kv => kv.Key, kv => kv.Value.Attempts, StringComparer.Ordinal),
            new Dictionary<string, DateTimeOffset>(model.Stored.LastPractised, StringComparer.Ordinal),
            model.Ranking.Count == 0 ? null : JsonSerializer.Serialize(model.Ranking.ToSnapshot(), CourseModelInputs.Json),
            model.Pacing.TimedLessons,
            model.Pacing.LogRatioSum);
    }

    /// <summary>Writes the changed live states back into their persisted form (before the grain writes its state).</summary>
    public void SaveTo(Dictionary<string, LearnerModelState> stored)
    {
        foreach (var (courseId, model) in live)
        {
            if (!model.Dirty)
            {
                continue;
            }

            model.Stored.Knowledge = model.Knowledge.ToJson();
            model.Stored.Pacing = JsonSerializer.Serialize(model.Pacing, CourseModelInputs.Json);
            model.Stored.Ranking = JsonSerializer.Serialize(model.Ranking.ToSnapshot(), CourseModelInputs.Json);
            stored[courseId] = model.Stored;
            model.Dirty = false;
        }
    }

    private Live Get(Dictionary<string, LearnerModelState> stored, string courseId, DateTimeOffset start)
    {
        if (live.TryGetValue(courseId, out var model))
        {
            return model;
        }

        if (!stored.TryGetValue(courseId, out var persisted))
        {
            stored[courseId] = persisted = new LearnerModelState { Start = start };
        }

        model = new Live(
            persisted,
            persisted.Knowledge is { } k ? LearnerKnowledgeState.FromJson(k) : new LearnerKnowledgeState(),
            persisted.Pacing is { } p ? JsonSerializer.Deserialize<LearnerPacingState>(p, CourseModelInputs.Json) ?? new LearnerPacingState() : new LearnerPacingState(),
            persisted.Ranking is { } r && JsonSerializer.Deserialize<LearnerRankingSnapshot>(r, CourseModelInputs.Json) is { } snapshot
                ? LearnerRankingState.FromSnapshot(snapshot)
                : new LearnerRankingState());
        live[courseId] = model;
        return model;
    }

    private sealed class Live(LearnerModelState stored, LearnerKnowledgeState knowledge, LearnerPacingState pacing, LearnerRankingState ranking)
    {
        public LearnerModelState Stored { get; } = stored;

        public LearnerKnowledgeState Knowledge { get; } = knowledge;

        public LearnerPacingState Pacing { get; } = pacing;

        public LearnerRankingState Ranking { get; } = ranking;

        public CourseSchedule? Schedule { get; set; }

        public CourseDefinition? ScheduleOf { get; set; }

        public bool Dirty { get; set; }

        public IReadOnlyDictionary<string, double>? Mastery { get; set; }

        public KnowledgeTracingModel? MasteryModel { get; set; }
    }
}
