using AdaptiveMooc.Grains.Abstractions.Accounts;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Security;
using AdaptiveMooc.Grains.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AdaptiveMooc.Grains.Learners;

/// <summary>The account side of a learner: one id namespace, e-mail confirmation, password, name, deletion.</summary>
internal sealed partial class LearnerGrain
{
    public Task<AccountView?> GetAccount()
    {
        var s = state.State;
        return Task.FromResult(s.Registered && !s.Erased
            ? new AccountView(EmailOwner.Learner, LearnerId, s.Name, s.Email, s.EmailVerified, s.PendingEmail, s.PasswordStamp)
            : null);
    }

    public Task<bool> IsErased() => Task.FromResult(state.State.Erased);

    public async Task<CommandResult> ChangePassword(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (!state.State.Registered || state.State.Erased)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        state.State.PasswordHash = passwordHash;
        state.State.PasswordStamp++;
        await Write();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ChangeName(string name)
    {
        if (!state.State.Registered || state.State.Erased)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        if (AccountRules.NameProblem(name) is { } problem)
        {
            return problem;
        }

        state.State.Name = name.Trim();
        await Write();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RequestEmailChange(string email)
    {
        if (!state.State.Registered || state.State.Erased)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        var owner = await GrainFactory.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email)).Resolve();
        if (owner is not null && owner != new EmailOwner(EmailOwner.Learner, LearnerId))
        {
            return CommandResult.Conflict("That e-mail address is already registered.", "email");
        }

        state.State.PendingEmail = email.Trim();
        await Write();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ConfirmEmail(string emailDigest)
    {
        var s = state.State;
        if (!s.Registered || s.Erased)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        if (string.Equals(AccountDigests.OfEmail(s.Email), emailDigest, StringComparison.Ordinal))
        {
            s.EmailVerified = true;
            await Write();
            return CommandResult.Ok;
        }

        if (s.PendingEmail is not { } pending || !string.Equals(AccountDigests.OfEmail(pending), emailDigest, StringComparison.Ordinal))
        {
            return CommandResult.NotFound("The address this link confirms is no longer the account's.");
        }

        if (!await GrainFactory.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(pending)).Claim(EmailOwner.Learner, LearnerId))
        {
            return CommandResult.Conflict("That e-mail address was registered by another account meanwhile.", "email");
        }

        var previous = s.Email;
        s.Email = pending;
        s.PendingEmail = null;
        s.EmailVerified = true;
        await Write();
        if (!string.Equals(IEmailIndexGrain.KeyOf(previous), IEmailIndexGrain.KeyOf(pending), StringComparison.Ordinal))
        {
            await GrainFactory.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(previous)).Release(EmailOwner.Learner, LearnerId);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> Erase()
    {
        var s = state.State;
        if (s.Erased)
        {
            return CommandResult.Ok;
        }

        if (!s.Registered)
        {
            return CommandResult.NotFound($"Learner '{LearnerId}' does not exist.");
        }

        // Durable first: from here on the account answers as deleted, and a crash midway is resumed by the next call.
        if (s.ErasureStartedAt is null)
        {
            s.ErasureStartedAt = clock.GetUtcNow();
            await Write();
        }

        await GrainFactory.ByKey<IAccountSessionsGrain>(AccountKeys.Of(EmailOwner.Learner, LearnerId)).RevokeAll();
        foreach (var address in new[] { s.Email, s.PendingEmail }.OfType<string>().Where(a => a.Length > 0))
        {
            await GrainFactory.ByKey<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(address)).Release(EmailOwner.Learner, LearnerId);
        }

        await GrainFactory.ByKey<IMailerGrain>(0).EraseAccount(EmailOwner.Learner, LearnerId);
        await GrainFactory.ByKey<IDataExportGrain>(LearnerId).EraseAll();
        await ServiceProvider.GetRequiredService<IPersonalDataEraser>().EraseLearnerAsync(LearnerId, s.Name, s.Email, CancellationToken.None);
        if (ServiceProvider.GetService<Forums.IForumStore>() is { } forum)
        {
            foreach (var (courseId, threadId) in await forum.ThreadsOfAuthorAsync(LearnerId))
            {
                await GrainFactory.ByKey<Abstractions.Forums.IForumThreadGrain>(Abstractions.Forums.ForumKeys.Thread(courseId, threadId)).NeutraliseAuthorAsync(LearnerId);
            }
        }

        s.Name = string.Empty;
        s.Email = string.Empty;
        s.PendingEmail = null;
        s.EmailVerified = false;
        s.PasswordHash = string.Empty;
        s.PasswordStamp++;
        s.TimeZone = "UTC";
        s.WeeklyAvailability = [];
        foreach (var (courseId, enrolment) in s.Enrolments.ToList())
        {
            s.Enrolments[courseId] = enrolment with { WithdrawalReason = null };
        }

        s.Erased = true;
        s.Registered = false;
        await Write();
        await GrainFactory.ByKey<Abstractions.Planning.ILearnerPlanGrain>(LearnerId).InputsChanged();
        return CommandResult.Ok;
    }

    /// <summary>Null when this learner now holds the id in the one account namespace; the conflict otherwise.</summary>
    private async Task<CommandResult?> ClaimAccountId()
    {
        // Trainers made before the namespace existed are not in it: look at the trainer grain too.
        if (await GrainFactory.ByKey<ITrainerGrain>(LearnerId).GetProfile() is not null
            || !await GrainFactory.ByKey<IAccountIdGrain>(LearnerId).Claim(EmailOwner.Learner))
        {
            return CommandResult.Conflict($"The id '{LearnerId}' is already taken by another account.", "id");
        }

        return null;
    }
}
