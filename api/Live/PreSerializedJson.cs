using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderGrid.Api.Live;

/// <summary>
/// A payload serialized once, where the change was heard: SignalR writes its JSON into the message as it is, so a
/// push is neither parsed back nor serialized again on each node.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class PreSerializedJson(string json)
{
    public string Json { get; } = json;

    private sealed class Converter : JsonConverter<PreSerializedJson>
    {
        public override PreSerializedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Pushes are only written.");

        public override void Write(Utf8JsonWriter writer, PreSerializedJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}