using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

[GrainType("course")]
internal sealed class CourseGrain(
    [PersistentState("course", StorageNames.Default)] IPersistentState<CourseState> state,
    TimeProvider clock) : Grain, ICourseGrain
{
    public async Task<CommandResult> Create(CourseDefinition definition, string ownerTrainerId)
    {
        if (state.State.Definition is not null)
        {
            return CommandResult.Conflict($"Course '{this.GetPrimaryKeyString()}' already exists.", "id");
        }

        if (Check(definition) is { } problem)
        {
            return problem;
        }

        if (!Ids.IsValid(ownerTrainerId))
        {
            return CommandResult.Invalid("ownerTrainerId", "ownerTrainerId must be 1-64 characters of [a-z0-9-].");
        }

        var now = clock.GetUtcNow();
        state.State.Definition = definition;
        state.State.OwnerTrainerId = ownerTrainerId;
        state.State.CreatedAt = now;
        state.State.UpdatedAt = now;
        state.State.Version = 1;
        await state.WriteStateAsync();
        await PublishSummary();
        return CommandResult.Created;
    }

    public async Task<CommandResult> Update(CourseDefinition definition)
    {
        if (state.State.Definition is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (Check(definition) is { } problem)
        {
            return problem;
        }

        if (state.State.PublishedAt is not null)
        {
            if (CourseVersionGrain.Same(state.State.Definition, definition))
            {
                // The same definition again (an importer re-run): nothing to publish, no new version.
                return CommandResult.Ok;
            }

            // A published version never changes: the edit becomes the next version, published at once.
            state.State.Draft = definition;
            return await PublishDraft();
        }

        state.State.Definition = definition;
        state.State.UpdatedAt = clock.GetUtcNow();
        state.State.Version++;
        await state.WriteStateAsync();
        await PublishSummary();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> Publish()
    {
        if (state.State.Definition is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (state.State.PublishedAt is not null)
        {
            return state.State.Draft is null
                ? CommandResult.Conflict($"Course '{this.GetPrimaryKeyString()}' is already published and no draft waits.")
                : await PublishDraft();
        }

        state.State.PublishedAt = clock.GetUtcNow();
        state.State.PublishedVersion = 1;
        state.State.Version++;
        await state.WriteStateAsync();
        await PublishSummary();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SaveDraft(CourseDefinition definition)
    {
        if (state.State.Definition is null || state.State.PublishedAt is null)
        {
            return await Update(definition);
        }

        if (Check(definition) is { } problem)
        {
            return problem;
        }

        state.State.Draft = definition;
        state.State.UpdatedAt = clock.GetUtcNow();
        state.State.Version++;
        await state.WriteStateAsync();
        return CommandResult.Ok;
    }

    public Task<CourseDefinition?> GetDraft() => Task.FromResult(state.State.Draft ?? state.State.Definition);

    public async Task<CommandResult> DiscardDraft()
    {
        if (state.State.Definition is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (state.State.Draft is not null)
        {
            state.State.Draft = null;
            state.State.Version++;
            await state.WriteStateAsync();
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetLessonBody(string lessonId, string body)
    {
        var s = state.State;
        if (s.Definition is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' does not exist.");
        }

        var current = WithBody(s.Definition, lessonId, body);
        var draft = s.Draft is null ? null : WithBody(s.Draft, lessonId, body);
        if (current is null && draft is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' has no lesson '{lessonId}'.");
        }

        if (current is not null && Check(current) is { } problem)
        {
            return problem;
        }

        if (s.PublishedAt is null)
        {
            s.Definition = current!;
            s.UpdatedAt = clock.GetUtcNow();
            s.Version++;
            await state.WriteStateAsync();
            await PublishSummary();
            return CommandResult.Ok;
        }

        if (current is null || CourseVersionGrain.Same(s.Definition, current))
        {
            // The lesson exists only in the draft, or the body is unchanged: nothing new to publish.
            if (draft is not null && !CourseVersionGrain.Same(s.Draft!, draft))
            {
                s.Draft = draft;
                s.UpdatedAt = clock.GetUtcNow();
                s.Version++;
                await state.WriteStateAsync();
            }

            return CommandResult.Ok;
        }

        return await PublishNext(current, draft);
    }

    /// <summary>The definition with one lesson's body replaced; null when it has no such lesson.</summary>
    private static CourseDefinition? WithBody(CourseDefinition definition, string lessonId, string body)
    {
        var modules = definition.Modules ?? [];
        if (!definition.AllLessons().Any(l => l.Id == lessonId))
        {
            return null;
        }

        return definition with
        {
            Modules = [.. modules.Select(m => m with
            {
                Lessons = m.Lessons?.Select(l => l.Id == lessonId ? l with { Body = body.Length == 0 ? null : body } : l).ToList(),
            })],
        };
    }

    /// <summary>
    /// The draft becomes the next published version. The version it replaces is kept first (idempotent), so
    /// a failure at any step leaves every published version readable under its number.
    /// </summary>
    private Task<CommandResult> PublishDraft() => PublishNext(state.State.Draft!, null);

    /// <summary><paramref name="next"/> becomes the next published version and <paramref name="remainingDraft"/> the draft, in one write.</summary>
    private async Task<CommandResult> PublishNext(CourseDefinition next, CourseDefinition? remainingDraft)
    {
        var s = state.State;
        var current = CurrentPublishedVersion();
        var kept = await GrainFactory.ByKey<ICourseVersionGrain>(ICourseVersionGrain.Key(this.GetPrimaryKeyString(), current))
            .Keep(s.Definition!, s.PublishedAt!.Value);
        if (!kept)
        {
            return CommandResult.Conflict($"Version {current} of course '{this.GetPrimaryKeyString()}' is stored with another definition.");
        }

        var now = clock.GetUtcNow();
        s.Definition = next;
        s.Draft = remainingDraft;
        s.PublishedVersion = current + 1;
        s.PublishedAt = now;
        s.UpdatedAt = now;
        s.Version++;
        await state.WriteStateAsync();
        await PublishSummary();
        return CommandResult.Ok;
    }

    private int CurrentPublishedVersion() =>
        state.State.PublishedAt is null ? 0 : Math.Max(1, state.State.PublishedVersion);

    public async Task<CommandResult> AddCoTrainer(string trainerId)
    {
        if (state.State.Definition is null)
        {
            return CommandResult.NotFound($"Course '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (!Ids.IsValid(trainerId))
        {
            return CommandResult.Invalid("trainerId", "trainerId must be 1-64 characters of [a-z0-9-].");
        }

        if (trainerId == state.State.OwnerTrainerId || state.State.CoTrainerIds.Contains(trainerId))
        {
            return CommandResult.Conflict($"Trainer '{trainerId}' already teaches this course.", "trainerId");
        }

        if (state.State.CoTrainerIds.Count >= ICourseGrain.MaxCoTrainers)
        {
            return CommandResult.Conflict($"A course has at most {ICourseGrain.MaxCoTrainers} co-trainers.", "trainerId");
        }

        state.State.CoTrainerIds.Add(trainerId);
        state.State.Version++;
        await state.WriteStateAsync();
        await PublishSummary();
        return CommandResult.Ok;
    }

    public Task<Pricing?> GetPricing() => Task.FromResult(state.State.Definition?.Pricing);

    public Task<CourseSnapshot?> Get()
    {
        var s = state.State;
        return Task.FromResult(s.Definition is null
            ? null
            : new CourseSnapshot(s.Definition, s.OwnerTrainerId, [.. s.CoTrainerIds], s.PublishedAt is not null, s.PublishedAt, s.CreatedAt, s.UpdatedAt, s.Version,
                CurrentPublishedVersion(), s.Draft is not null));
    }

    private CommandResult? Check(CourseDefinition definition)
    {
        if (CourseValidator.Validate(definition) is { } problem)
        {
            return problem;
        }

        return definition.Id == this.GetPrimaryKeyString()
            ? null
            : CommandResult.Invalid("id", $"The definition's id '{definition.Id}' is not this course's id '{this.GetPrimaryKeyString()}'.");
    }

    private Task PublishSummary()
    {
        var s = state.State;
        var d = s.Definition!;
        var summary = new CourseSummary(
            d.Id, d.Title, d.Field, d.Description, d.Language, d.Pricing.Kind, s.PublishedAt is not null,
            s.OwnerTrainerId, [.. s.CoTrainerIds], d.AllLessons().Count());
        return GrainFactory.ByKey<ICourseCatalogueGrain>(ICourseCatalogueGrain.Key).Upsert(summary);
    }
}
