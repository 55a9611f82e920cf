using Schedly.Core.Security;
using Schedly.Core.Validation;

namespace Schedly.Functions.Composition;

/// <summary>
/// Bound from <c>Schedly:Security</c> (app settings <c>Schedly__Security__OperatorKey</c> and
/// <c>Schedly__Security__ManageTokenSecret</c>). Both are required and have no default; the local runner generates
/// them when empty. In Azure they are Key Vault references. Messages never echo the values.
/// </summary>
public sealed class SecurityOptions : IValidatableOptions
{
    public const string Section = "Schedly:Security";

    /// <summary>The operator's bearer key: at least 32 characters of randomness. No default.</summary>
    public string OperatorKey { get; set; } = "";

    /// <summary>
    /// The secret manage tokens are derived from (HMAC), so emails can carry manage links: at least
    /// 32 characters of randomness. No default. Keep it stable: links in sent emails depend on it.
    /// </summary>
    public string ManageTokenSecret { get; set; } = "";

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(OperatorKey))
        {
            errors.Add($"{Section}:OperatorKey is required (the operator's bearer key).");
        }
        else if (OperatorKey.Length < Core.Security.OperatorKey.MinLength)
        {
            errors.Add($"{Section}:OperatorKey must be at least {Core.Security.OperatorKey.MinLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(ManageTokenSecret))
        {
            errors.Add($"{Section}:ManageTokenSecret is required (derives booking manage tokens).");
        }
        else if (ManageTokenSecret.Length < ManageTokenIssuer.MinSecretLength)
        {
            errors.Add($"{Section}:ManageTokenSecret must be at least {ManageTokenIssuer.MinSecretLength} characters.");
        }

        return errors;
    }
}
