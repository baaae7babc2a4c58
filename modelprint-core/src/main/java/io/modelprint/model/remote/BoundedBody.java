package io.modelprint.model.remote;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a server that sends more (an endless body) is
 * cut off and the request fails, instead of the client filling the heap.
 */
final class BoundedBody {
    /** The server sent more than the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("the answer exceeded " + limit + " bytes");
        }
    }

    private BoundedBody() {}

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new Subscriber(limit);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private long received;
        private Flow.Subscription subscription;

        Subscriber(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > limit) {
                    subscription.cancel();
                    parts.clear();
                    result.completeExceptionally(new TooLargeException(limit));
                    return;
                }
                parts.add(item);
            }
        }

        @Override
        public void onError(Throwable error) {
            parts.clear();
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            byte[] bytes = new byte[(int) received];
            int at = 0;
            for (ByteBuffer part : parts) {
                int n = part.remaining();
                part.get(bytes, at, n);
                at += n;
            }
            parts.clear();
            result.complete(bytes);
        }
    }
}
