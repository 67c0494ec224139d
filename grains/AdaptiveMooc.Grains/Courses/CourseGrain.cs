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

    /// <summary>
    /// The draft becomes the next published version. The version it replaces is kept first (idempotent), so
    /// a failure at any step leaves every published version readable under its number.
    /// </summary>
    private async Task<CommandResult> PublishDraft()
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
        s.Definition = s.Draft!;
        s.Draft = null;
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
