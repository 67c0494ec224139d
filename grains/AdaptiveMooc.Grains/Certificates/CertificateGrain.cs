using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>
/// The certificate of one (learner, course). The key is deterministic and calls run one at a time, so
/// however often or concurrently the rule is evaluated, the first evaluation that meets it writes the
/// certificate to durable state before answering and every later one (after a restart too) returns it.
/// </summary>
[GrainType("certificate")]
internal sealed class CertificateGrain(
    [PersistentState("certificate", StorageNames.Default)] IPersistentState<CertificateState> state,
    CertificateSigningKey signingKey,
    IOptions<CertificateOptions> options,
    TimeProvider clock) : Grain, ICertificateGrain
{
    private string learnerId = string.Empty;
    private string courseId = string.Empty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        learnerId = key[..slash];
        courseId = key[(slash + 1)..];
        return Task.CompletedTask;
    }

    public async Task<CertificateEvaluation> EvaluateAsync(CertificateProgress progress, CertificateRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(requirements);
        if (progress.LearnerId != learnerId || requirements.CourseId != courseId)
        {
            throw new ArgumentException($"Evaluation for {progress.LearnerId}/{requirements.CourseId} sent to certificate {learnerId}/{courseId}.");
        }

        var (missing, meanScore) = CertificateCheck.Evaluate(progress, requirements);
        if (state.State.Issued)
        {
            await EnsureIndexedAsync();
            return new CertificateEvaluation(true, View(), missing, meanScore, false);
        }

        if (missing.Count > 0 || meanScore < requirements.PassThreshold)
        {
            return new CertificateEvaluation(false, null, missing, meanScore, false);
        }

        // One access rule for every way in (the learner grain's automatic issuance, the evaluate route): a paid
        // course issues only to a learner who holds access now; certificates issued before stay as they are.
        var course = await GrainFactory.ByKey<ICourseGrain>(courseId).Get();
        if (course is { Definition.Pricing.IsPaid: true }
            && !await GrainFactory.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, courseId)).HasAccess())
        {
            return new CertificateEvaluation(false, null, missing, meanScore, false, NoAccess: true);
        }

        var id = Guid.NewGuid();
        var issuedAt = clock.GetUtcNow();
        var kind = CertificateCheck.KindFor(requirements);
        var status = await AllocateStatusAsync();
        var provider = course?.Definition.ProviderId is { } providerId ? await GrainFactory.ByKey<IProviderGrain>(providerId).Get() : null;
        var credential = OpenBadgeCredential.Build(options.Value, id, learnerId, courseId, requirements.CourseTitle, kind, issuedAt, status, provider);
        state.State.StatusList = status.List;
        state.State.StatusIndex = status.Index;
        state.State.Issued = true;
        state.State.Id = id;
        state.State.Kind = kind;
        state.State.IssuedAt = issuedAt;
        state.State.CredentialJson = credential.ToJsonString(OpenBadgeCredential.JsonOptions);
        state.State.Jwt = signingKey.Sign(OpenBadgeCredential.ClaimSet(credential, issuedAt));
        await state.WriteStateAsync();
        await EnsureIndexedAsync();

        // Inbox and mail (docs/ACCOUNTS.md): one-way, the learner grain may be the caller and is waiting on us.
        _ = GrainFactory.GetGrain<Abstractions.Notifications.INotificationInboxGrain>(learnerId).Add(new Abstractions.Notifications.LearnerNotification(
            $"certificate:{id:N}", "certificate-issued", courseId,
            $"Your {kind} for \"{requirements.CourseTitle}\" was issued. Anyone can check it at {options.Value.PublicBaseUrl.TrimEnd('/')}/api/certificates/{id:D}.",
            issuedAt, null));
        return new CertificateEvaluation(true, View(), missing, meanScore, true);
    }

    public Task<CertificateView?> GetAsync() => Task.FromResult(state.State.Issued ? View() : null);

    public async Task<RevocationOutcome> RevokeAsync(string reason, string revokedBy)
    {
        if (!state.State.Issued)
        {
            return RevocationOutcome.NotFound;
        }

        if (state.State.Revoked)
        {
            if (state.State.StatusList is { } revokedList && state.State.StatusIndex is { } revokedIndex)
            {
                await GrainFactory.GetGrain<IStatusListGrain>(revokedList).RevokeAsync(revokedIndex);
            }

            return RevocationOutcome.AlreadyRevoked;
        }

        state.State.Revoked = true;
        state.State.RevocationReason = reason;
        state.State.RevokedAt = clock.GetUtcNow();
        state.State.RevokedBy = revokedBy;
        await state.WriteStateAsync();
        if (state.State.StatusList is { } list && state.State.StatusIndex is { } index)
        {
            // After the state write: a crash in between leaves the certificate revoked here and the bit
            // unset; revoking again answers AlreadyRevoked, so RevokeAsync below also runs on that path.
            await GrainFactory.GetGrain<IStatusListGrain>(list).RevokeAsync(index);
        }

        return RevocationOutcome.Revoked;
    }

    /// <summary>An entry in the first status list with room; lists fill in order.</summary>
    private async Task<(long List, int Index)> AllocateStatusAsync()
    {
        for (long list = 0; list < StatusLists.MaxLists; list++)
        {
            var index = await GrainFactory.GetGrain<IStatusListGrain>(list).AllocateAsync();
            if (index >= 0)
            {
                return (list, index);
            }
        }

        throw new InvalidOperationException($"Every revocation status list is full ({StatusLists.MaxLists} x {StatusLists.Size}).");
    }

    private async Task EnsureIndexedAsync()
    {
        if (state.State.Indexed)
        {
            return;
        }

        var reference = new CertificateRef(state.State.Id, learnerId, courseId);
        await GrainFactory.ByKey<ICertificateLookupGrain>(state.State.Id).SetAsync(reference);
        await GrainFactory.ByKey<ILearnerCertificatesGrain>(learnerId).AddAsync(reference);
        state.State.Indexed = true;
        await state.WriteStateAsync();
    }

    private CertificateView View() => new(
        state.State.Id, learnerId, courseId, state.State.Kind, state.State.IssuedAt, state.State.Revoked,
        state.State.RevocationReason, state.State.RevokedAt, state.State.CredentialJson, state.State.Jwt);
}
