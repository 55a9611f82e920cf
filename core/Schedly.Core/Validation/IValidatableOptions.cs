namespace Schedly.Core.Validation;

/// <summary>
/// Options that check themselves, as Polly's strategy options do. The host binds them from configuration and runs
/// <see cref="Validate"/> at start-up (an <c>IValidateOptions</c> adapter with <c>ValidateOnStart</c>), so a bad
/// configuration stops the app before it serves anything, with every problem listed at once.
/// </summary>
public interface IValidatableOptions
{
    /// <summary>
    /// Every problem, empty when the options are valid. Each message starts with the full configuration key
    /// (<c>Schedly:Email:Smtp:Port</c>; in app settings and local.settings.json <c>__</c> stands for <c>:</c>) and
    /// says what the value must be, for example <c>Schedly:Webhooks:TimeoutSeconds must be in (0, 120].</c>
    /// Secrets are never echoed.
    /// </summary>
    IReadOnlyList<string> Validate();
}
