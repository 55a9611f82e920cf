using System.Security.Cryptography;

namespace Schedly.Core.Locations;

/// <summary>Names of generated video rooms: 128 random bits as 32 lowercase hex digits (Jitsi folds room names to lower case).</summary>
public static class VideoRoom
{
    public static string NewName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
