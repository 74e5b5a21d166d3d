package trade.caravan.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links between pages of a list, for templates ({@code @pagination}): the current request's path
 * and query with only the cursor replaced, so filters and searches survive paging.
 */
@Component("pagination")
public class Pagination {

    public String next(String parameter, String cursor) {
        var next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(parameter, cursor)
                .build()
                .encode();
        return next.getPath() + "?" + next.getQuery();
    }

    public String next(String cursor) {
        return next("cursor", cursor);
    }
}
