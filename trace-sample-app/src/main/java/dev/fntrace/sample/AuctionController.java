package dev.fntrace.sample;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The auction's JSON API under {@code /api/lots}. Failures are answered by
 * {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping("/api/lots")
public class AuctionController {

	private final AuctionService auctionService;

	private final AutoBidder autoBidder;

	private final LotWatchers lotWatchers;

	public AuctionController(AuctionService auctionService, AutoBidder autoBidder, LotWatchers lotWatchers) {
		this.auctionService = auctionService;
		this.autoBidder = autoBidder;
		this.lotWatchers = lotWatchers;
	}

	@GetMapping
	public List<LotResponse> lots() {
		return this.auctionService.getLots().stream().map(LotResponse::of).toList();
	}

	@GetMapping("/{lotId}")
	public LotResponse lot(@PathVariable long lotId) {
		return LotResponse.of(this.auctionService.getLot(lotId));
	}

	@PostMapping
	public ResponseEntity<LotResponse> createLot(@Valid @RequestBody CreateLotRequest request) {
		LotResponse lot = LotResponse
			.of(this.auctionService.createLot(request.title(), request.startingPrice(), request.endsIn()));
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{lotId}")
			.buildAndExpand(lot.id())
			.toUri();
		return ResponseEntity.created(location).body(lot);
	}

	@PostMapping("/{lotId}/bids")
	public ResponseEntity<BidResponse> placeBid(@PathVariable long lotId, @Valid @RequestBody PlaceBidRequest request) {
		BidResponse bid = BidResponse.of(this.auctionService.placeBid(lotId, request.amount()));
		return ResponseEntity.status(HttpStatus.CREATED).body(bid);
	}

	@PostMapping("/{lotId}/autobid")
	public ResponseEntity<BidResponse> autoBid(@PathVariable long lotId, @Valid @RequestBody AutoBidRequest request) {
		BidResponse bid = BidResponse.of(this.autoBidder.autoBid(lotId, request.max()));
		return ResponseEntity.status(HttpStatus.CREATED).body(bid);
	}

	@GetMapping("/{lotId}/events")
	public SseEmitter events(@PathVariable long lotId) {
		return this.lotWatchers.watchLot(lotId);
	}

}
