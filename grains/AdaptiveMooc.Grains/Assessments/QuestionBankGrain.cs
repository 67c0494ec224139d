using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>A course's question bank and assessment definitions (docs/ASSESSMENTS.md). Bounded by <see cref="IQuestionBankGrain.MaxItems"/>.</summary>
[GrainType("question-bank")]
internal sealed class QuestionBankGrain(
    [PersistentState("question-bank", StorageNames.Default)] IPersistentState<QuestionBankState> state) : Grain, IQuestionBankGrain
{
    private string CourseId => this.GetPrimaryKeyString();

    public async Task<CommandResult> Save(QuestionItem item, bool mustBeNew)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await Course() is not { } course)
        {
            return CommandResult.NotFound($"Course '{CourseId}' does not exist.");
        }

        if (QuestionValidator.Validate(item, CourseSkills.Of(course)) is { } problem)
        {
            return problem;
        }

        var exists = state.State.Items.ContainsKey(item.Id);
        if (exists && mustBeNew)
        {
            return CommandResult.Conflict($"Item '{item.Id}' is already in the bank of '{CourseId}'.", "id");
        }

        if (!exists && state.State.Items.Count >= IQuestionBankGrain.MaxItems)
        {
            return CommandResult.Conflict($"The bank of '{CourseId}' holds its maximum of {IQuestionBankGrain.MaxItems} items.");
        }

        // An item drawn by a skill pool keeps enough items for the pool after losing a skill.
        if (exists && PoolsShortOf(item.Id, item.Skills) is { } pool)
        {
            return CommandResult.Conflict($"Lesson '{pool.LessonId}' draws {pool.Pool.Count} items of skill '{pool.Pool.Skill}'; without this item the bank has too few.", "skills");
        }

        state.State.Items[item.Id] = item;
        await state.WriteStateAsync();
        return exists ? CommandResult.Ok : CommandResult.Created;
    }

    public async Task<CommandResult> Remove(string itemId)
    {
        if (!state.State.Items.ContainsKey(itemId))
        {
            return CommandResult.NotFound($"Item '{itemId}' is not in the bank of '{CourseId}'.");
        }

        if (state.State.Assessments.FirstOrDefault(a => a.Value.ItemIds?.Contains(itemId) == true) is { Key: { } lessonId })
        {
            return CommandResult.Conflict($"Lesson '{lessonId}' lists item '{itemId}'; change the lesson's assessment first.");
        }

        if (await Course() is { } course
            && course.AllLessons().FirstOrDefault(l => !state.State.Assessments.ContainsKey(l.Id) && (l.Items ?? []).Any(i => i.Id == itemId)) is { } listing)
        {
            return CommandResult.Conflict($"Lesson '{listing.Id}' of the course lists item '{itemId}'; change the course definition first.");
        }

        if (PoolsShortOf(itemId, []) is { } pool)
        {
            return CommandResult.Conflict($"Lesson '{pool.LessonId}' draws {pool.Pool.Count} items of skill '{pool.Pool.Skill}'; without this item the bank has too few.");
        }

        state.State.Items.Remove(itemId);
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public Task<QuestionItem?> Get(string itemId) => Task.FromResult(state.State.Items.GetValueOrDefault(itemId));

    public Task<IReadOnlyList<QuestionItem>> List(string? skill, string? afterId, int limit) =>
        Task.FromResult<IReadOnlyList<QuestionItem>>([.. state.State.Items.Values
            .Where(i => skill is null || i.Skills.Contains(skill))
            .Where(i => afterId is null || string.CompareOrdinal(i.Id, afterId) > 0)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, IQuestionBankGrain.MaxItems))]);

    public async Task<CommandResult> SetAssessment(string lessonId, AssessmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (await Course() is not { } course)
        {
            return CommandResult.NotFound($"Course '{CourseId}' does not exist.");
        }

        var lesson = course.AllLessons().FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null)
        {
            return CommandResult.NotFound($"Course '{CourseId}' has no lesson '{lessonId}'.");
        }

        if (!LessonKinds.IsGraded(lesson.Kind))
        {
            return CommandResult.Invalid("lessonId", $"Lesson '{lessonId}' is a {lesson.Kind}; only quiz and assignment lessons hold assessments.");
        }

        if (Check(definition, CourseSkills.Of(course)) is { } problem)
        {
            return problem;
        }

        state.State.Assessments[lessonId] = definition;
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public async Task<AssessmentDefinition?> GetAssessment(string lessonId) => await Effective(lessonId);

    public Task<CommandResult?> CheckPublishable(CourseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var missing = new List<string>();
        string? firstField = null;
        var modules = definition.Modules ?? [];
        for (var m = 0; m < modules.Count; m++)
        {
            var lessons = modules[m].Lessons ?? [];
            for (var l = 0; l < lessons.Count; l++)
            {
                var lesson = lessons[l];
                if (!LessonKinds.IsGraded(lesson.Kind) || state.State.Assessments.ContainsKey(lesson.Id))
                {
                    // An assessment set for the lesson replaces what the definition lists; it was checked when set.
                    continue;
                }

                var items = lesson.Items ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    if (!state.State.Items.ContainsKey(items[i].Id) && !missing.Contains(items[i].Id))
                    {
                        firstField ??= $"modules[{m}].lessons[{l}].items[{i}].id";
                        missing.Add(items[i].Id);
                    }
                }

                if (lesson.Pool is { } pool && firstField is null)
                {
                    var available = state.State.Items.Values.Count(item => item.Skills.Any(s => pool.Skills!.Contains(s)));
                    if (available < pool.Count)
                    {
                        return Task.FromResult<CommandResult?>(CommandResult.Conflict(
                            $"Lesson '{lesson.Id}' draws {pool.Count} items of {string.Join(", ", pool.Skills!)}, but the bank of '{CourseId}' holds {available}; add items before publishing.",
                            $"modules[{m}].lessons[{l}].pool.count"));
                    }
                }
            }
        }

        return Task.FromResult<CommandResult?>(missing.Count == 0
            ? null
            : CommandResult.Conflict(
                $"Quizzes name items that are not in the question bank of '{CourseId}': {string.Join(", ", missing)}. Add them (POST /api/courses/{CourseId}/items) before publishing.",
                firstField));
    }

    public async Task<AssessmentDraw?> Draw(string lessonId, int seed)
    {
        if (await Effective(lessonId) is not { } definition)
        {
            return null;
        }

        List<QuestionItem> items;
        if (definition.ItemIds is { } ids)
        {
            items = [.. ids.Select(id => state.State.Items.GetValueOrDefault(id)).OfType<QuestionItem>()];
        }
        else if (definition.Pool is { } lessonPool)
        {
            var skills = lessonPool.Skills ?? [];
            var candidates = state.State.Items.Values
                .Where(i => i.Skills.Any(skills.Contains))
                .OrderBy(i => i.Id, StringComparer.Ordinal)
                .ToArray();
            new Random(seed).Shuffle(candidates);
            items = [.. candidates.Take(lessonPool.Count)];
        }
        else
        {
            // Each pool draws without replacement from its skill's items not drawn by an earlier pool.
            var random = new Random(seed);
            items = [];
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pool in definition.Pools ?? [])
            {
                var candidates = state.State.Items.Values
                    .Where(i => i.Skills.Contains(pool.Skill) && !taken.Contains(i.Id))
                    .OrderBy(i => i.Id, StringComparer.Ordinal)
                    .ToArray();
                random.Shuffle(candidates);
                foreach (var item in candidates.Take(pool.Count))
                {
                    taken.Add(item.Id);
                    items.Add(item);
                }
            }
        }

        return new AssessmentDraw(definition, items);
    }

    /// <summary>The assessment set for the lesson, else the one its course definition gives.</summary>
    private async Task<AssessmentDefinition?> Effective(string lessonId)
    {
        if (state.State.Assessments.TryGetValue(lessonId, out var set))
        {
            return set;
        }

        var course = await Course();
        return course?.AllLessons().FirstOrDefault(l => l.Id == lessonId) is { } lesson && LessonKinds.IsGraded(lesson.Kind)
            ? AssessmentDefinition.FromLesson(lesson, course)
            : null;
    }

    private CommandResult? Check(AssessmentDefinition definition, IReadOnlySet<string> courseSkills)
    {
        if ((definition.ItemIds is null ? 0 : 1) + (definition.Pools is null ? 0 : 1) + (definition.Pool is null ? 0 : 1) != 1)
        {
            return CommandResult.Invalid("itemIds", "Give one of itemIds (a fixed list), pools (random items per skill) or pool (random items of any of some skills).");
        }

        if (definition.Pool is { } lessonPool)
        {
            if (lessonPool.Skills is not { Count: > 0 } poolSkills || poolSkills.Count > LessonPool.MaxSkills)
            {
                return CommandResult.Invalid("pool.skills", $"pool.skills lists 1-{LessonPool.MaxSkills} skills of the course.");
            }

            for (var i = 0; i < poolSkills.Count; i++)
            {
                if (poolSkills[i] is not { } poolSkill || !courseSkills.Contains(poolSkill))
                {
                    return CommandResult.Invalid($"pool.skills[{i}]", $"'{poolSkills[i]}' is not a skill of the course.");
                }
            }

            var available = state.State.Items.Values.Count(item => item.Skills.Any(poolSkills.Contains));
            if (lessonPool.Count < 1 || lessonPool.Count > available || lessonPool.Count > AssessmentDefinition.MaxItems)
            {
                return CommandResult.Invalid("pool.count", $"pool.count is 1 to the {available} items of those skills in the bank.");
            }
        }

        if (definition.ItemIds is { } ids)
        {
            if (ids.Count is 0 or > AssessmentDefinition.MaxItems)
            {
                return CommandResult.Invalid("itemIds", $"itemIds lists 1-{AssessmentDefinition.MaxItems} items.");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] is not { } id || !state.State.Items.ContainsKey(id))
                {
                    return CommandResult.Invalid($"itemIds[{i}]", $"'{ids[i]}' is not an item of the bank of '{CourseId}'.");
                }
            }

            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            {
                return CommandResult.Invalid("itemIds", "itemIds must not repeat.");
            }
        }

        if (definition.Pools is { } pools)
        {
            if (pools.Count is 0 or > 20 || pools.Sum(p => (long)(p?.Count ?? 0)) > AssessmentDefinition.MaxItems)
            {
                return CommandResult.Invalid("pools", $"pools lists 1-20 skills drawing at most {AssessmentDefinition.MaxItems} items in all.");
            }

            for (var i = 0; i < pools.Count; i++)
            {
                if (pools[i] is not { } pool || !courseSkills.Contains(pool.Skill ?? string.Empty))
                {
                    return CommandResult.Invalid($"pools[{i}].skill", $"'{pools[i]?.Skill}' is not a skill of the course.");
                }

                if (pool.Count is < 1 or > AssessmentDefinition.MaxItems)
                {
                    return CommandResult.Invalid($"pools[{i}].count", $"count is 1-{AssessmentDefinition.MaxItems}.");
                }

                var available = state.State.Items.Values.Count(item => item.Skills.Contains(pool.Skill));
                if (available < pool.Count)
                {
                    return CommandResult.Invalid($"pools[{i}].count", $"The bank holds {available} items of skill '{pool.Skill}', fewer than {pool.Count}.");
                }
            }

            if (pools.Select(p => p.Skill).Distinct(StringComparer.Ordinal).Count() != pools.Count)
            {
                return CommandResult.Invalid("pools", "Each skill appears in one pool only.");
            }
        }

        if (definition.TimeLimitMinutes is { } minutes && minutes is < 1 or > AssessmentDefinition.MaxTimeLimitMinutes)
        {
            return CommandResult.Invalid("timeLimitMinutes", $"timeLimitMinutes is 1-{AssessmentDefinition.MaxTimeLimitMinutes}.");
        }

        if (definition.MaxAttempts is { } attempts && attempts is < 1 or > AssessmentDefinition.AttemptsCeiling)
        {
            return CommandResult.Invalid("maxAttempts", $"maxAttempts is 1-{AssessmentDefinition.AttemptsCeiling}.");
        }

        return double.IsFinite(definition.PassScore) && definition.PassScore is >= 0 and <= 1
            ? null
            : CommandResult.Invalid("passScore", "passScore is a share between 0 and 1.");
    }

    private (string LessonId, SkillPool Pool)? PoolsShortOf(string itemId, IReadOnlyList<string> keptSkills)
    {
        foreach (var (lessonId, definition) in state.State.Assessments)
        {
            foreach (var pool in definition.Pools ?? [])
            {
                if (keptSkills.Contains(pool.Skill) || !state.State.Items.TryGetValue(itemId, out var current) || !current.Skills.Contains(pool.Skill))
                {
                    continue;
                }

                var remaining = state.State.Items.Values.Count(i => i.Id != itemId && i.Skills.Contains(pool.Skill));
                if (remaining < pool.Count)
                {
                    return (lessonId, pool);
                }
            }
        }

        return null;
    }

    private async Task<CourseDefinition?> Course() =>
        (await GrainFactory.ByKey<ICourseGrain>(CourseId).Get())?.Definition;
}
